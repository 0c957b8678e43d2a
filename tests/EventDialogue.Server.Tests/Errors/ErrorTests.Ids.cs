using EventDialogue.Server.Tests.Hosting;
using EventDialogue.Server.Tests.Recording;

namespace EventDialogue.Server.Tests.Errors;

public sealed partial class ErrorTests
{
    [Fact]
    public async Task An_empty_statement_id_is_refused_as_required_naming_the_field_not_as_a_stream_name()
    {
        var request = Valid.Statement(string.Empty, Valid.Id("source"));

        var violation = await GrpcRefusals.InvalidAsync("statement_id", async () => await Recording.RecordStatementAsync(request, Call()));

        Assert.Contains("required", violation.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("stream name", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_NUL_or_other_control_character_in_an_id_is_escaped_in_the_error_never_echoed_raw()
    {
        var request = Valid.Statement("liu\u0000xiaobo\u001b", Valid.Id("source"));

        var status = await GrpcRefusals.RefusedAsync(Grpc.Core.StatusCode.InvalidArgument, async () => await Recording.RecordStatementAsync(request, Call()));

        Assert.Contains("liu\\u0000xiaobo\\u001b", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(status.Message, char.IsControl);
        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.DoesNotContain(violation.Description, char.IsControl);
    }
}
