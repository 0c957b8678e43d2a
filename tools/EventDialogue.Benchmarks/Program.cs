using EventDialogue.Benchmarks;

return await BenchmarkCommand.Create().Parse(args).InvokeAsync();
