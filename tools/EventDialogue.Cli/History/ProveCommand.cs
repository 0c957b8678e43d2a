using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using EventDialogue.EventStore.Integrity;
using Spectre.Console;

namespace EventDialogue.Cli.History;

/// <summary>
/// `history prove POSITION [--verifier-key KEY]`: the inclusion proof of one event in the latest signed checkpoint,
/// checked here with the event's leaf hash recomputed from its fields; with the key, the checkpoint's signature too.
/// </summary>
internal static class ProveCommand
{
    private static readonly Argument<long> Position = new("position") { Description = "The event's position in the global log." };
    private static readonly Option<string> VerifierKey = VerifierKeyOption.Create(required: false);

    public static Command Create()
    {
        var command = new Command("prove", "Prove that the event at a position is in the log's latest signed checkpoint: print the inclusion proof and verify it. Exit code 4 when it does not verify.")
        {
            Position, VerifierKey,
        };
        VerifierKeyOption.Validate(command, VerifierKey);
        command.SetSessionAction(ProveAsync);
        return command;
    }

    private static async Task ProveAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var served = await session.Audit.GetCheckpointAsync(new GetCheckpointRequest(), Session.Call(cancellationToken));
        var key = parsed.GetValue(VerifierKey);
        var checkpoint = key is null
            ? Checkpoint.Parse(served.SignedNote[..(served.SignedNote.LastIndexOf("\n\n", StringComparison.Ordinal) + 1)])
            : SignedCheckpoints.Open(VerifierKeyOption.TryParse(key, out _)!, served.SignedNote, "the server's latest checkpoint").Checkpoint;
        var proof = await session.Audit.GetInclusionProofAsync(
            new GetInclusionProofRequest { Position = parsed.GetValue(Position), TreeSize = checkpoint.TreeSize },
            Session.Call(cancellationToken));
        var leaf = HistoryEventLeaves.LeafHash(proof.Event);
        var hashes = proof.Hashes.Select(h => h.ToByteArray()).ToList();
        var verified = MerkleProofs.VerifyInclusion(proof.LeafIndex, checkpoint.TreeSize, leaf, hashes, checkpoint.RootHash);
        Print(session, proof, checkpoint, leaf, signatureChecked: key is not null, verified);
        if (!verified)
        {
            throw new VerificationFailedException(
                $"The event at position {proof.Event.Position} (stream {proof.Event.Stream}, revision {proof.Event.Revision}) is not leaf {proof.LeafIndex} of the signed tree of {checkpoint.TreeSize} events: it was changed, or the proof is false.");
        }
    }

    private static void Print(Session session, GetInclusionProofResponse proof, Checkpoint checkpoint, byte[] leaf, bool signatureChecked, bool verified)
    {
        var e = proof.Event;
        if (session.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                verified,
                signatureChecked,
                position = e.Position,
                stream = e.Stream,
                revision = e.Revision,
                leafIndex = proof.LeafIndex,
                leafHash = Convert.ToBase64String(leaf),
                treeSize = checkpoint.TreeSize,
                rootHash = Convert.ToBase64String(checkpoint.RootHash),
                hashes = proof.Hashes.Select(h => h.ToBase64()).ToList(),
            }));
            return;
        }

        var title = verified ? "OK: the event is in the signed tree" : "NOT VERIFIED: the event is not in the signed tree";
        var table = Cells.Table(title, "What", "Value");
        table.AddRow("Event", Markup.Escape($"position {e.Position}, {e.Stream} revision {e.Revision}, {e.Type}"));
        table.AddRow("Leaf index", proof.LeafIndex.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Leaf hash (recomputed)", Markup.Escape(Convert.ToBase64String(leaf)));
        table.AddRow("Tree size", checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture));
        table.AddRow("Root hash", Markup.Escape(Convert.ToBase64String(checkpoint.RootHash)));
        table.AddRow("Signature", signatureChecked ? "checked with the verifier key" : "[yellow]not checked: give --verifier-key[/]");
        for (var i = 0; i < proof.Hashes.Count; i++)
        {
            table.AddRow(i == 0 ? "Proof" : string.Empty, Markup.Escape(proof.Hashes[i].ToBase64()));
        }

        session.Out.Write(table);
    }
}
