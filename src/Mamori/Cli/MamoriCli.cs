using System.CommandLine;

namespace Mamori.Host.Cli;

/// <summary>The <c>mamori</c> command line: <c>serve</c> and the admin verbs of CONTRACT.md.</summary>
public static class MamoriCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Mamori (守り): the personal-information management system of the agency.")
        {
            ServeCommand.Create(),
            PolicyCommands.Create(),
            KeysCommands.Create(),
            AuditCommands.Create(),
            SignalsCommands.Create(),
            RetentionCommands.Create(),
        };
        foreach (var command in BackupCommands.Create())
            root.Subcommands.Add(command);
        try
        {
            return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (MamoriException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message} [{e.Code}]");
            return 1;
        }
        catch (Exception e) when (e is not OperationCanceledException && Environment.GetEnvironmentVariable("MAMORI_DEBUG") != "1")
        {
            // A bug, not bad input: name it without a stack trace (or values that may be personal data) on the terminal.
            await Console.Error.WriteLineAsync($"error: the command stopped on an unexpected {e.GetType().Name}. " +
                "Set MAMORI_DEBUG=1 to see where. [cli.unexpected]");
            return 70;
        }
    }

    public static Option<string> DataDirOption() => new("--data-dir")
    {
        Description = "Directory for the SQLite database and the key file (default: ./data).",
        DefaultValueFactory = _ => "data",
    };

    public static Option<string?> DatabaseOption() => new("--database")
    {
        Description = "PostgreSQL connection string (Host=…;Database=…). Default: SQLite in the data directory.",
    };
}
