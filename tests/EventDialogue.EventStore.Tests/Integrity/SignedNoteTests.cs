using EventDialogue.EventStore.Integrity;

namespace EventDialogue.EventStore.Tests.Integrity;

/// <summary>Notes signed in the C2SP signed-note format, readable by the transparency-log tools that use it.</summary>
public sealed class SignedNoteTests
{
    // The example verifier key and note of Go's golang.org/x/mod/sumdb/note documentation, the format's reference implementation.
    private const string ExampleVerifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private const string ExampleText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private const string ExampleNote = ExampleText + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    [Fact]
    public void The_reference_implementation_s_example_note_opens_with_its_verifier_key()
    {
        Assert.Equal(ExampleText, NoteVerifier.Parse(ExampleVerifierKey).Open(ExampleNote));
    }

    [Fact]
    public void A_generated_key_survives_its_private_text_and_signs_what_its_verifier_key_opens()
    {
        using var key = NoteKey.Generate("eventdialogue.test/log");
        using var again = NoteKey.FromPrivateText(key.ToPrivateText());
        var note = again.Sign("eventdialogue.test/log\n42\nAAAA\n");

        Assert.Equal(key.VerifierKey, again.VerifierKey);
        Assert.Equal("eventdialogue.test/log\n42\nAAAA\n", NoteVerifier.Parse(key.VerifierKey).Open(note));
    }

    [Fact]
    public void A_changed_text_or_signature_or_another_key_does_not_open()
    {
        using var other = NoteKey.Generate("PeterNeumann");
        var verifier = NoteVerifier.Parse(ExampleVerifierKey);

        Assert.Null(verifier.Open(ExampleNote.Replace("cryptography", "cryptographY", StringComparison.Ordinal)));
        Assert.Null(verifier.Open(ExampleNote.Replace("x08go", "x08gO", StringComparison.Ordinal)));
        Assert.Null(verifier.Open(other.Sign(ExampleText)));
        Assert.Null(NoteVerifier.Parse(other.VerifierKey).Open(ExampleNote));
    }

    [Fact]
    public void Lines_signed_by_other_keys_are_ignored()
    {
        using var witness = NoteKey.Generate("witness.example");
        var cosigned = ExampleNote + witness.Sign(ExampleText)[(ExampleText.Length + 1)..];

        Assert.Equal(ExampleText, NoteVerifier.Parse(ExampleVerifierKey).Open(cosigned));
        Assert.Equal(ExampleText, NoteVerifier.Parse(witness.VerifierKey).Open(cosigned));
    }

    [Theory]
    [InlineData("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "id does not match")]
    [InlineData("PeterNeumann+c74f20a3", "name+keyid+key")]
    [InlineData("Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "not a key name")]
    public void A_malformed_verifier_key_is_refused_saying_why(string verifierKey, string reason)
    {
        var refused = Assert.Throws<FormatException>(() => NoteVerifier.Parse(verifierKey));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }
}
