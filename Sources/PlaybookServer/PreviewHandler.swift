internal import PlaybookBuild
internal import FlyingFox
internal import Foundation

/// Answers every request of the preview: the reload endpoint, then files of the site, with the
/// site's own 404 page for anything else.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    /// The build's stemmer, for the search index made on request.
    let stemming: (any Stemming)?

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        let rawPath = request.target.path()
        if rawPath == LiveReload.endpoint {
            let known = request.query.first { $0.name == "version" }.flatMap { Int($0.value) } ?? -1
            let version = await site.waitForChange(from: known, timeout: .seconds(25))
            return HTTPResponse(
                statusCode: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                body: Data("{\"version\":\(version)}".utf8))
        }
        let basePath = await site.basePath
        let folders = await site.folderChecker()
        switch RequestPath.resolve(rawPath, basePath: basePath, isFolder: folders) {
        case .redirect(let location):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
        case .refused:
            return await notFound(status: .forbidden)
        case .file(let path):
            guard let data = await site.contents(of: path, makeSearchFiles: { [stemming] in
                SiteBuilder.searchFiles(for: $0, stemming: stemming)
            }) else {
                return await notFound(status: .notFound)
            }
            return await respond(path: path, data: data, status: .ok, method: request.method)
        }
    }

    private func notFound(status: HTTPStatusCode) async -> HTTPResponse {
        let page = await site.contents(of: "404.html", makeSearchFiles: { _ in [:] }) ?? Data("Not found".utf8)
        return await respond(path: "404.html", data: page, status: status, method: .GET)
    }

    private func respond(path: String, data: Data, status: HTTPStatusCode, method: HTTPMethod) async -> HTTPResponse {
        var body = data
        let type = ContentType.of(path)
        if type.hasPrefix("text/html") {
            let html = String(decoding: data, as: UTF8.self)
            body = Data(LiveReload.inject(into: html, version: await site.version, findings: await site.findings).utf8)
        }
        return HTTPResponse(
            statusCode: status,
            headers: [.contentType: type, .cacheControl: "no-store", .contentLength: String(body.count)],
            body: method == .HEAD ? Data() : body)
    }
}

extension PreviewSite {
    /// A snapshot of the site's folders, for resolving a request path outside the actor.
    func folderChecker() -> @Sendable (String) -> Bool {
        let snapshot = foldersSnapshot()
        return { snapshot.contains($0) }
    }
}
