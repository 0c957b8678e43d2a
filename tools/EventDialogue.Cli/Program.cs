using EventDialogue.Cli;

return await CliCommands.Create().Parse(args).InvokeAsync();
