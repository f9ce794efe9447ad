import CPTSDomain
import CPTSSite

/// The few lines injected in served pages (never in built ones): they poll the server and reload the page
/// after a rebuild, or show the build's diagnostics over the page when it failed.
enum LiveReload {
    static let scriptPath = "/__cpts-site/live.js"
    static let statusPath = "/__cpts-site/status"

    static let tag = "<script src=\"\(scriptPath)\" defer></script>"

    /// Adds the script before `</body>`.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let marker = Array("</body>".utf8)
        guard let index = lastIndex(of: marker, in: html) else { return html + Array(tag.utf8) }
        return Array(html[..<index]) + Array(tag.utf8) + Array(html[index...])
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }

    /// The state polled by served pages. `heading` is the first line of the overlay: whether the last good site is
    /// still served, or none yet, in the language of the messages.
    static func status(version: Int, failure: String?, served: Bool, language: Language) -> String {
        "{\"version\":\(version),\"ok\":\(failure == nil),\"heading\":\(JSONWriter.quoted(heading(served: served, language: language))),"
            + "\"errors\":\(JSONWriter.quoted(failure ?? ""))}"
    }

    static func heading(served: Bool, language: Language) -> String {
        switch (language, served) {
        case (.fr, true): "La construction du site a échoué\u{202F}; la dernière version valide reste servie."
        case (.fr, false): "La construction du site a échoué\u{202F}: corrigez les erreurs ci-dessous, la page se rechargera seule."
        case (.en, true): "The build failed; the last good site is still served."
        case (.en, false): "The build failed: fix the errors below, and the page reloads by itself."
        }
    }

    static let script = """
        // cpts-site serve: reload after each rebuild; show the diagnostics of a failed build over the page.
        (function () {
          "use strict";
          var seen = null;
          function overlay(heading, text) {
            var box = document.getElementById("cpts-site-erreurs");
            if (!text) { if (box) { box.remove(); } return; }
            if (!box) {
              box = document.createElement("div");
              box.id = "cpts-site-erreurs";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;overflow:auto;z-index:99999;background:#1e1e1e;color:#fff;padding:1.5rem;font:14px/1.5 monospace;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = heading + "\\n\\n" + text;
          }
          function poll() {
            fetch("\(statusPath)", { cache: "no-store" })
              .then(function (response) { return response.json(); })
              .then(function (status) {
                if (seen !== null && status.version !== seen && status.ok) { window.location.reload(); return; }
                seen = status.version;
                overlay(status.heading, status.ok ? "" : status.errors);
              })
              .catch(function () {})
              .then(function () { setTimeout(poll, 500); });
          }
          poll();
        })();
        """
}
