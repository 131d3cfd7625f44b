import ArgumentParser
import Foundation
import PlaybookDiagnostics

/// The `playbook` command: subcommands parse flags, call one entry point, and map the outcome
/// to an exit code (0 success, 1 content errors, 2 usage or I/O errors).
@main
struct Playbook: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "playbook",
        abstract: "Build and check a customer-experience playbook site.",
        version: "0.1.0",
        subcommands: [BuildCommand.self, LintCommand.self, ServeCommand.self, NewCommand.self, ReviewCommand.self, MigrateCommand.self, PDFCommand.self],
        defaultSubcommand: nil
    )

    /// Runs the command, mapping argument errors to exit code 2 rather than the parser's 64.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as DiagnosticError {
            Terminal.printDiagnostics(error.diagnostics)
            Foundation.exit(error.isUsage ? ExitCode.usage : ExitCode.contentErrors)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.standardError(fullMessage(for: error))
            Foundation.exit(ExitCode.usage)
        }
    }
}

extension ExitCode {
    /// Content errors: the input has problems the user must fix.
    static let contentErrors: Int32 = 1
    /// The command itself could not run: bad flag, unreadable path, bad config.
    static let usage: Int32 = 2
}
