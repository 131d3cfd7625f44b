/// The engagement-plan lint: plans checked against the framework (../shared/ENGAGEMENT-PLAN.md).
/// Depends only on the model, so a team can run it without building the site.
public enum PlaybookLint {}
