using System.CommandLine;
using EventDialogue.EventStore.Integrity;

namespace EventDialogue.Cli.History;

/// <summary>--verifier-key: the public key an auditor trusts, from the server's first start (its log) or its operator.</summary>
internal static class VerifierKeyOption
{
    public static Option<string> Create(bool required) => new("--verifier-key")
    {
        Description = "The log's verifier key, name+keyid+key, as the server printed it on its first start: checkpoints must be signed by it.",
        Required = required,
    };

    /// <summary>Adds the check that the key reads as a verifier key, so that a typo is told before anything is fetched.</summary>
    public static void Validate(Command command, Option<string> option)
    {
        command.Validators.Add(result =>
        {
            if (result.GetValue(option) is { } key && TryParse(key, out var problem) is null)
            {
                result.AddError($"--verifier-key: {problem}");
            }
        });
    }

    public static NoteVerifier? TryParse(string key, out string problem)
    {
        try
        {
            problem = string.Empty;
            return NoteVerifier.Parse(key);
        }
        catch (FormatException e)
        {
            problem = e.Message;
            return null;
        }
    }
}
