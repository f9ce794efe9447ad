import ArgumentParser
import CPTSSite

/// Options shared by the commands that read content.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content = "content"

    @Option(help: "The themes folder (default: themes/ beside the content folder).")
    var themes: String?
}
