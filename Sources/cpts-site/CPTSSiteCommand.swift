import ArgumentParser

@main
struct CPTSSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cpts-site",
        abstract: "Builds the reporting site of the CPTS of a region from content/.",
        subcommands: [Build.self, Check.self],
        defaultSubcommand: Build.self)
}
