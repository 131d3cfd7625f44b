/// Diagram specs (```diagram fences, framework.yml, plans) drawn as accessible SVG at build time.
public enum PlaybookDiagrams {}
