internal import PlaybookDiagnostics
internal import PlaybookModel
internal import Foundation

extension OutputFolder {
    /// A new site being written beside the output folder: pages go in as they are rendered
    /// (from many threads), so their HTML need not stay in memory until the end; the rest of
    /// the files, the marker and the swap come with `finish`. Until then the previous site is
    /// untouched, and a stop (SIGINT, SIGTERM) removes the staging folder (`InterruptGuard`).
    final class Staging: @unchecked Sendable {
        let path: String
        let target: String
        /// The hidden folder beside the output folder that takes the new site.
        let folder: String
        let retired: String
        private let swapID: UUID
        private let lock = NSLock()
        /// Folders made so far (guarded by `lock`), so each is made once.
        private var folders: Set<String> = [""]
        /// Output paths whose write failed (guarded by `lock`).
        private var failures: [String] = []

        init(path: String, target: String, folder: String, retired: String) {
            self.path = path
            self.target = target
            self.folder = folder
            self.retired = retired
            swapID = InterruptGuard.shared.begin(staging: folder, retired: retired, target: target)
        }

        /// Writes a file of the new site (safe from any thread); a failure is reported by `finish`.
        func write(_ text: String, to relative: String) {
            let written = InterruptGuard.shared.unlessStopping {
                makeParent(of: relative) && FileWriter.write(text, to: folder + "/" + relative)
            }
            guard written else {
                lock.withLock { failures.append(relative) }
                return
            }
        }

        /// Writes the other files and the marker, then swaps the new site in with two renames.
        func finish(with files: [OutputFile], marker text: String) throws {
            defer { InterruptGuard.shared.end(swapID) }
            let fm = FileManager.default
            // Each file's folder is made by the thread that places it (once, see `makeFolder`):
            // the 10,000 folders of a 10,000-page site, made one after the other first, were a
            // third of a one-page rebuild's write.
            let failed = files.parallelMap { file -> String? in
                InterruptGuard.shared.unlessStopping { self.makeParent(of: file.path) && self.place(file) } ? nil : file.path
            }.compactMap { $0 } + lock.withLock { failures }
            guard failed.isEmpty, FileWriter.write(text, to: folder + "/" + OutputFolder.marker) else {
                removeFolder()
                let first = failed.first ?? OutputFolder.marker
                throw cannotWrite("cannot write '\(first)'" + (failed.count > 1 ? " (and \(failed.count - 1) more)" : ""))
            }
            OldOutputs.shared.waitUntilRemoved()  // an earlier build's, which may have had this name
            let hadPrevious = fm.fileExists(atPath: target)
            try InterruptGuard.shared.atomically {
                do {
                    if hadPrevious { try fm.moveItem(atPath: target, toPath: retired) }
                    try fm.moveItem(atPath: folder, toPath: target)
                } catch {
                    if hadPrevious, !fm.fileExists(atPath: target) { try? fm.moveItem(atPath: retired, toPath: target) }
                    try? fm.removeItem(atPath: folder)
                    throw DiagnosticError.usage("cannot replace '\(path)': \(error.localizedDescription)", file: path)
                }
            }
            // Removing the old site took 0.2 s at 10,000 pages, most of a one-page rebuild's write.
            if hadPrevious { OldOutputs.shared.remove(retired) }
        }

        /// Removes the staging folder: the build failed, the previous site stays.
        func discard() {
            removeFolder()
            InterruptGuard.shared.end(swapID)
        }

        /// Removes the staging folder, unless the process is stopping: then the stop removes it,
        /// and two removals of one tree at once left it half removed when the process ended
        /// (a stop while the 20,000 files of a 10,000-page site were being placed).
        private func removeFolder() {
            _ = InterruptGuard.shared.unlessStopping {
                try? FileManager.default.removeItem(atPath: folder)
                return true
            }
        }

        func cannotWrite(_ error: Any) -> DiagnosticError {
            DiagnosticError.usage(
                "cannot write the site into '\(PathText.parent(target))': \(error)", file: path,
                hint: "check that the folder is writable and the disk has space")
        }

        /// Puts one file in place: written, copied, or hard-linked (copied where links fail).
        private func place(_ file: OutputFile) -> Bool {
            let destination = folder + "/" + file.path
            switch file.contents {
            case .text(let text):
                return FileWriter.write(text, to: destination)
            case .copy(let from):
                return (try? FileManager.default.copyItem(atPath: from, toPath: destination)) != nil
            case .link(let from):
                if Foundation.link(from, destination) == 0 { return true }
                return (try? FileManager.default.copyItem(atPath: from, toPath: destination)) != nil
            case .written:
                return true
            }
        }

        private func makeParent(of relative: String) -> Bool {
            makeFolder(PathText.parent(relative))
        }

        /// Makes a folder of the new site and its parents, once each.
        private func makeFolder(_ relative: String) -> Bool {
            if lock.withLock({ folders.contains(relative) }) { return true }
            guard makeFolder(PathText.parent(relative)) else { return false }
            // Another thread may make it first: an existing folder is no failure.
            guard mkdir(folder + "/" + relative, 0o755) == 0 || errno == EEXIST else { return false }
            lock.withLock { _ = folders.insert(relative) }
            return true
        }
    }
}
