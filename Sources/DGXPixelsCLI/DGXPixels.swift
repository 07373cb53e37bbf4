import ArgumentParser

/// The `dgx-pixels` command: serves MCP on stdio by default, or runs one job from the shell.
@main
struct DGXPixels: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dgx-pixels",
        abstract: "Pixel-art sprites for Bevy games, as an MCP server or from the shell.",
        discussion: """
            With no subcommand, serves MCP over stdio (for Claude Desktop, Claude Code, the MCP Inspector). \
            Configuration: --config, $DGX_PIXELS_CONFIG, ./dgx-pixels.yaml, ~/.config/dgx-pixels/config.yaml.
            """,
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, GenerateCommand.self, TilesetCommand.self, BatchCommand.self, DeployCommand.self,
            ValidateCommand.self, ProcessCommand.self, JobsCommand.self, WorkflowsCommand.self, DoctorCommand.self,
            DemoCommand.self,
        ],
        defaultSubcommand: ServeCommand.self
    )
}
