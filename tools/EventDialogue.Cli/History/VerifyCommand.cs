using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// `history verify --verifier-key KEY [--full | --entry ENTRY | --offline EXPORT] [--pin FILE]`: the signed checkpoint,
/// its signature checked with the key the auditor trusts and shown to extend the one pinned last time (the pin then
/// moves to it); with --full the whole log replayed and its root recomputed, with --entry one entry's events proven in
/// the tree, with --offline an export checked against the checkpoint it carries, with no server.
/// </summary>
internal static class VerifyCommand
{
    private static readonly Option<string> VerifierKey = VerifierKeyOption.Create(required: true);
    private static readonly Option<bool> Full = new("--full") { Description = "Also replay the whole log: recompute every event's leaf hash and the tree's root, and name the first event that does not match (with a progress bar)." };
    private static readonly Option<string?> Entry = new("--entry") { Description = "Also prove every event of this entry (its stream, e.g. case-liu-xiaobo, as `history show` names it) is in the signed tree, its leaf recomputed from its fields." };
    private static readonly Option<FileInfo?> Offline = new("--offline") { Description = "Verify this export (from `history export`, unfiltered) against the signed checkpoint it carries, as --full does, with no server." };
    private static readonly Option<string?> PinFile = new("--pin") { Description = "The pin file to check and update (default: one per log under $XDG_CONFIG_HOME/eventdialogue/pins/, else ~/.config/eventdialogue/pins/)." };
    private static readonly Option<string?> Since = new("--since") { Description = "Instead of the pin: a file an earlier --save or --pin wrote; the log must have only grown since it. Not updated." };
    private static readonly Option<string?> Save = new("--save") { Description = "Instead of the pin: once verified, keep the verifier key and the checkpoint in this file." };

    public static Command Create()
    {
        var command = new Command("verify", "Verify the log against its latest signed checkpoint: the signature with your verifier key, and that the log only grew since the checkpoint pinned last time (then pin this one). --full replays the whole log, --entry proves one entry's events, --offline checks an export with no server. Exit code 4 when it does not verify.")
        {
            VerifierKey, Full, Entry, Offline, PinFile, Since, Save,
        };
        VerifierKeyOption.Validate(command, VerifierKey);
        command.Validators.Add(result =>
        {
            if ((result.GetValue(Full) ? 1 : 0) + (result.GetValue(Entry) is null ? 0 : 1) + (result.GetValue(Offline) is null ? 0 : 1) > 1)
            {
                result.AddError("give at most one of --full, --entry and --offline");
            }

            if (result.GetValue(PinFile) is not null && (result.GetValue(Since) is not null || result.GetValue(Save) is not null))
            {
                result.AddError("--pin both reads and updates its file: give it, or --since/--save, not both");
            }
        });
        command.SetSessionAction(VerifyAsync);
        return command;
    }

    private static async Task VerifyAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var key = parsed.GetRequiredValue(VerifierKey).Trim();
        var verifier = VerifierKeyOption.TryParse(key, out _)!;
        var (readFrom, writeTo) = PinPaths(parsed, verifier.Name);
        var pin = readFrom is null ? null : PinFiles.Read(readFrom, key, verifier);
        if (pin is null && parsed.GetValue(Since) is { } since)
        {
            throw new HistoryFileException($"{since}: no such file: cannot read the saved checkpoint");
        }

        var offline = parsed.GetValue(Offline);
        var outcome = offline is not null
            ? await VerifyOfflineAsync(session, verifier, offline.FullName, pin)
            : await VerifyOnlineAsync(session, verifier, parsed.GetValue(Full), parsed.GetValue(Entry), pin, cancellationToken);
        var pinned = writeTo is not null && (pin is null || outcome.Checkpoint.Checkpoint.TreeSize >= pin.Checkpoint.Checkpoint.TreeSize);
        if (pinned)
        {
            if (pin is null)
            {
                session.Err.MarkupLineInterpolated($"[yellow]No pin for the log {verifier.Name} in {writeTo}: trusting this checkpoint on first use, and pinning it with the verifier key.[/]");
            }

            PinFiles.Write(writeTo!, key, outcome.Checkpoint, createDirectory: parsed.GetValue(PinFile) is null && parsed.GetValue(Save) is null);
        }

        Print(session, verifier, outcome, pin, pinned ? writeTo : null);
    }

    /// <summary>Where the pin is read from and written to: --pin both; --since and --save each one; else the default for the log.</summary>
    private static (string? Read, string? Write) PinPaths(ParseResult parsed, string logName)
    {
        if (parsed.GetValue(PinFile) is { } pin)
        {
            return (pin, pin);
        }

        var (since, save) = (parsed.GetValue(Since), parsed.GetValue(Save));
        if (since is not null || save is not null)
        {
            return (since, save);
        }

        var path = PinFiles.DefaultPath(logName);
        return (path, path);
    }

    private static async Task<Outcome> VerifyOnlineAsync(Session session, NoteVerifier verifier, bool full, string? entry, Pin? pin, CancellationToken cancellationToken)
    {
        var (latest, served) = await SignedCheckpoints.LatestAsync(session, verifier, cancellationToken);
        if (pin is not null)
        {
            await ConsistencyChecks.RequireAsync(session, pin.Checkpoint.Checkpoint, latest.Checkpoint, $"the pinned checkpoint ({pin.Path})", cancellationToken);
        }

        var checkpoint = latest.Checkpoint;
        if (full)
        {
            var replay = new LogReplay(session, checkpoint);
            var mismatch = await HistoryProgress.RunAsync(session.Err, "Replaying the log", checkpoint.TreeSize, progress => replay.FirstMismatchAsync(progress, cancellationToken));
            return mismatch is null
                ? new Outcome("full", latest, served.SignedAt?.ToDateTimeOffset(), $"all {checkpoint.TreeSize} events replayed: every leaf and the root recomputed", PinCompared: true)
                : throw new VerificationFailedException(mismatch);
        }

        if (entry is not null)
        {
            var (proven, events) = await new EntryInclusion(session, verifier).VerifyAsync(entry, latest, cancellationToken);
            return new Outcome("entry", proven, proven == latest ? served.SignedAt?.ToDateTimeOffset() : null, $"all {events} events of {entry} proven in the signed tree, their leaves recomputed", PinCompared: true);
        }

        return new Outcome("quick", latest, served.SignedAt?.ToDateTimeOffset(), "the signature, and consistency with the pin (--full replays the whole log)", PinCompared: true);
    }

    private static async Task<Outcome> VerifyOfflineAsync(Session session, NoteVerifier verifier, string path, Pin? pin)
    {
        if (!File.Exists(path))
        {
            throw new HistoryFileException($"{path}: no such file");
        }

        var trailer = ExportFile.ReadTrailer(path)
            ?? throw new HistoryFileException(
                $"{path} carries no signed checkpoint: it was exported with a filter, by an older eventdialogue, or its export did not finish. " +
                "Offline verification needs a whole export: `history export FILE` with no filter (run it again on an unfinished file).");
        var signed = SignedCheckpoints.Open(verifier, trailer.SignedCheckpoint, $"the checkpoint of {path}");
        var result = await HistoryProgress.RunAsync(
            session.Err,
            "Replaying the export",
            signed.Checkpoint.TreeSize,
            progress => Task.Run(() => OfflineReplay.Run(path, signed.Checkpoint, pin?.Checkpoint.Checkpoint, progress)));
        return result.Mismatch is null
            ? new Outcome("offline", signed, null, $"all {signed.Checkpoint.TreeSize} events of {path} replayed: every leaf and the root recomputed", result.PinCompared)
            : throw new VerificationFailedException(result.Mismatch);
    }

    private static void Print(Session session, NoteVerifier verifier, Outcome outcome, Pin? pin, string? pinnedTo)
    {
        var checkpoint = outcome.Checkpoint.Checkpoint;
        var root = Convert.ToBase64String(checkpoint.RootHash);
        if (session.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                verified = true,
                mode = outcome.Mode,
                origin = checkpoint.Origin,
                treeSize = checkpoint.TreeSize,
                rootHash = root,
                signedAt = outcome.SignedAt,
                pin = new { read = pin?.Path, treeSize = pin?.Checkpoint.Checkpoint.TreeSize, compared = pin is not null && outcome.PinCompared, firstUse = pin is null, savedTo = pinnedTo },
                sinceTreeSize = pin?.Checkpoint.Checkpoint.TreeSize,
                savedTo = pinnedTo,
            }));
            return;
        }

        var table = Cells.Table("OK: the log matches its signed checkpoint", "What", "Value");
        table.AddRow("Origin", Markup.Escape(checkpoint.Origin));
        table.AddRow("Tree size (events)", checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Root hash", Markup.Escape(root));
        table.AddRow("Signed at", Cells.Or(outcome.SignedAt?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        table.AddRow("Verifier key", Markup.Escape($"{verifier.Name}+{verifier.KeyId:x8}"));
        table.AddRow("Checked", Markup.Escape(outcome.What));
        table.AddRow("Pin", Markup.Escape(PinState(pin, outcome)));
        table.AddRow("Pinned to", Cells.Or(pinnedTo));
        session.Out.Write(table);
    }

    private static string PinState(Pin? pin, Outcome outcome) => pin switch
    {
        null => "none before: this checkpoint is trusted on first use",
        _ when outcome.PinCompared => $"consistent with the pinned checkpoint of {pin.Checkpoint.Checkpoint.TreeSize} events ({pin.Path})",
        _ => $"not compared: the pinned checkpoint ({pin.Checkpoint.Checkpoint.TreeSize} events, {pin.Path}) is newer than the export's; it stays",
    };

    /// <summary>What was verified: the checkpoint (the one the pin moves to) and how far.</summary>
    private sealed record Outcome(string Mode, VerifiedCheckpoint Checkpoint, DateTimeOffset? SignedAt, string What, bool PinCompared);
}
