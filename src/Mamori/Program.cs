using Mamori.Host.Cli;

return await MamoriCli.RunAsync(args);
