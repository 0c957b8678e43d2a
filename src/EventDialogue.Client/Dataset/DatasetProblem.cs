namespace EventDialogue.Client.Dataset;

/// <summary>
/// What is wrong with a dataset file, and where: the file's name and the line (1-based) of the entry or field; line 0
/// when the problem is with a folder or file as a whole.
/// </summary>
public sealed record DatasetProblem(string File, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Message}" : $"{File}: {Message}";
}

/// <summary>The dataset cannot be imported as it is; nothing was sent.</summary>
public sealed class DatasetException(IReadOnlyList<DatasetProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<DatasetProblem> Problems { get; } = problems;
}
