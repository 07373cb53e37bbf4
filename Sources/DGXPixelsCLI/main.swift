// Placeholder entry point; replaced by the ArgumentParser root command.
