using System.Text.RegularExpressions;
using EventDialogue.Server.Tests.Hosting;

namespace EventDialogue.Server.Tests.Access;

/// <summary>
/// The role matrix as README's Security section states it: for each RPC (or each RPC of a service, "Service/*"),
/// which of recorder, analyst, auditor, admin and no credential at all may call it. A method's own row wins over its
/// service's.
/// </summary>
internal sealed partial class RoleMatrix
{
    /// <summary>The columns, in README's order; null stands for no credential.</summary>
    public static readonly IReadOnlyList<string?> Principals = ["recorder", "analyst", "auditor", "admin", null];

    private readonly Dictionary<string, IReadOnlySet<string?>> _rows;

    private RoleMatrix(Dictionary<string, IReadOnlySet<string?>> rows) => _rows = rows;

    public IReadOnlyCollection<string> Patterns => _rows.Keys;

    public static RoleMatrix FromReadme()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var start = Array.FindIndex(readme, line => line.StartsWith("| RPCs | recorder | analyst | auditor | admin | no credential |", StringComparison.Ordinal));
        Assert.True(start >= 0, "README has no role matrix (a table headed '| RPCs | recorder | analyst | auditor | admin | no credential |')");
        var rows = new Dictionary<string, IReadOnlySet<string?>>(StringComparer.Ordinal);
        foreach (var line in readme.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = line.Trim('|').Split('|').Select(cell => cell.Trim()).ToList();
            Assert.True(cells.Count == Principals.Count + 1, $"README's role matrix row has {cells.Count} cells: {line}");
            var allowed = Principals.Where((_, i) => cells[i + 1] == "✓").ToHashSet();
            foreach (Match pattern in Backticked().Matches(cells[0]))
            {
                rows.Add(pattern.Groups[1].Value, allowed);
            }
        }

        return new RoleMatrix(rows);
    }

    /// <summary>Who may call it, or null when README says nothing about it.</summary>
    public IReadOnlySet<string?>? Allowed(ServedRpc rpc) =>
        _rows.TryGetValue(rpc.FullName, out var own) ? own : _rows.GetValueOrDefault($"{rpc.Service}/*");

    public static bool Matches(string pattern, ServedRpc rpc) => pattern == rpc.FullName || pattern == $"{rpc.Service}/*";

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Backticked();
}
