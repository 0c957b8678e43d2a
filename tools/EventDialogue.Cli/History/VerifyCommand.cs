using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;
using Google.Protobuf;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// `history verify --verifier-key KEY [--since FILE] [--save FILE]`: the latest signed checkpoint, its signature checked
/// with the key the auditor trusts; with --since, proof that the log was only appended to since a saved checkpoint;
/// then the whole log replayed, every leaf recomputed, and the root compared with the signed one.
/// </summary>
internal static class VerifyCommand
{
    private static readonly Option<string> VerifierKey = VerifierKeyOption.Create(required: true);
    private static readonly Option<string?> Since = new("--since") { Description = "A checkpoint saved by an earlier --save: the log must have only grown since it." };
    private static readonly Option<string?> Save = new("--save") { Description = "Once verified, keep the new signed checkpoint in this file (for the next --since)." };

    public static Command Create()
    {
        var command = new Command("verify", "Verify the whole log against the server's latest signed checkpoint: replay every event, recompute its hash and the tree's root, and name the first event that does not match. Exit code 4 when it does not.")
        {
            VerifierKey, Since, Save,
        };
        VerifierKeyOption.Validate(command, VerifierKey);
        command.SetSessionAction(VerifyAsync);
        return command;
    }

    private static async Task VerifyAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var verifier = VerifierKeyOption.TryParse(parsed.GetRequiredValue(VerifierKey), out _)!;
        var since = parsed.GetValue(Since) is { } sincePath ? SignedCheckpoints.ReadFile(sincePath, verifier) : null;
        var (latest, served) = await SignedCheckpoints.LatestAsync(session, verifier, cancellationToken).ConfigureAwait(false);
        var checkpoint = latest.Checkpoint;
        if (since is not null)
        {
            await CheckConsistentAsync(session, since.Checkpoint, checkpoint, cancellationToken).ConfigureAwait(false);
        }

        var replay = new LogReplay(session, checkpoint);
        var mismatch = await HistoryProgress.RunAsync(session.Err, "Replaying the log", checkpoint.TreeSize, progress => replay.FirstMismatchAsync(progress, cancellationToken)).ConfigureAwait(false);
        if (mismatch is not null)
        {
            throw new VerificationFailedException(mismatch);
        }

        var savePath = parsed.GetValue(Save);
        if (savePath is not null)
        {
            SignedCheckpoints.Save(savePath, latest);
        }

        var root = Convert.ToBase64String(checkpoint.RootHash);
        var signedAt = served.SignedAt?.ToDateTimeOffset();
        if (session.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                verified = true,
                origin = checkpoint.Origin,
                treeSize = checkpoint.TreeSize,
                rootHash = root,
                signedAt,
                sinceTreeSize = since?.Checkpoint.TreeSize,
                savedTo = savePath,
            }));
            return;
        }

        var table = Cells.Table("OK: the log matches its signed checkpoint", "What", "Value");
        table.AddRow("Origin", Markup.Escape(checkpoint.Origin));
        table.AddRow("Tree size (events)", checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Root hash", Markup.Escape(root));
        table.AddRow("Signed at", Cells.Or(signedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        table.AddRow("Verifier key", Markup.Escape($"{verifier.Name}+{verifier.KeyId:x8}"));
        table.AddRow("Since", since is null ? Cells.None : $"consistent with the saved checkpoint of {since.Checkpoint.TreeSize} events");
        table.AddRow("Saved to", Cells.Or(savePath));
        session.Out.Write(table);
    }

    private static async Task CheckConsistentAsync(Session session, Checkpoint old, Checkpoint now, CancellationToken cancellationToken)
    {
        if (!string.Equals(old.Origin, now.Origin, StringComparison.Ordinal))
        {
            throw new VerificationFailedException($"The saved checkpoint is of the log \"{old.Origin}\", the server's of \"{now.Origin}\".");
        }

        if (now.TreeSize < old.TreeSize)
        {
            throw new VerificationFailedException($"The log shrank: the saved checkpoint holds {old.TreeSize} events, the server's latest only {now.TreeSize}.");
        }

        var proof = await session.Audit.GetConsistencyProofAsync(
            new GetConsistencyProofRequest { OldSize = old.TreeSize, NewSize = now.TreeSize },
            Session.Call(cancellationToken)).ConfigureAwait(false);
        if (!MerkleProofs.VerifyConsistency(old.TreeSize, now.TreeSize, old.RootHash, now.RootHash, [.. proof.Hashes.Select(h => h.ToByteArray())]))
        {
            throw new VerificationFailedException(
                $"The log was rewritten: the saved checkpoint of {old.TreeSize} events is not a prefix of the server's latest of {now.TreeSize} (the consistency proof fails).");
        }
    }
}
