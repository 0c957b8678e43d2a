using EventDialogue.Domain.Common;

namespace EventDialogue.Domain.Tests.FieldChecks;

public sealed class FieldsTests
{
    private static FieldCheck<int> Number(string text, string field) =>
        Fields.Check(() => int.TryParse(text, out var n) ? n : throw DomainException.Invalid(field, $"'{text}' is not a number"));

    private static int AtMost(int value, int limit) => value <= limit ? value : throw DomainException.Invalid("value", $"is over the limit of {limit}");

    [Fact]
    public void When_every_field_passes_their_checked_values_come_back_in_order()
    {
        Assert.Equal((1, "two", 3), Fields.All(Number("1", "first"), Fields.Check(() => "two"), Number("3", "third")));
    }

    [Fact]
    public void When_several_fields_are_wrong_one_refusal_names_them_all_in_the_order_given()
    {
        var refusal = Assert.Throws<DomainException>(() => Fields.All(Number("x", "first"), Number("2", "second"), Number("y", "third")));

        Assert.Equal([new FieldViolation("first", "'x' is not a number"), new FieldViolation("third", "'y' is not a number")], refusal.Violations);
        Assert.Equal((DomainErrorKind.InvalidArgument, "first"), (refusal.Kind, refusal.Field));
        Assert.Equal("first: 'x' is not a number; third: 'y' is not a number", refusal.Message);
    }

    [Fact]
    public void When_one_field_is_wrong_the_refusal_is_the_one_its_check_threw()
    {
        var refusal = Assert.Throws<DomainException>(() => Fields.All(Number("1", "first"), Number("x", "second")));

        Assert.Equal([new FieldViolation("second", "'x' is not a number")], refusal.Violations);
        Assert.Equal(("second", "'x' is not a number"), (refusal.Field, refusal.Message));
    }

    [Fact]
    public void A_check_against_a_wrong_field_reports_nothing_of_its_own()
    {
        var limit = Number("x", "limit");
        var value = Number("7", "value").Against(limit, AtMost);

        Assert.False(value.Passed);
        Assert.Empty(value.Violations);
        Assert.Equal(["limit"], Assert.Throws<DomainException>(() => Fields.All(limit, value)).Violations.Select(v => v.Field));
    }

    [Fact]
    public void A_check_against_a_right_field_reports_what_it_finds()
    {
        var limit = Number("5", "limit");

        Assert.Equal(["value"], Assert.Throws<DomainException>(() => Fields.All(limit, Number("7", "value").Against(limit, AtMost))).Violations.Select(v => v.Field));
        Assert.Equal((5, 4), Fields.All(limit, Number("4", "value").Against(limit, AtMost)));
    }

    [Fact]
    public void A_field_that_is_wrong_in_itself_is_reported_once_whatever_it_is_checked_against()
    {
        var value = Number("seven", "value").Against(Number("x", "limit"), AtMost);

        Assert.Equal([new FieldViolation("value", "'seven' is not a number")], value.Violations);
    }

    [Fact]
    public void A_further_check_runs_only_on_a_field_that_passed()
    {
        var runs = 0;

        Number("x", "value").Then(n => ++runs);

        Assert.Equal(0, runs);
        Assert.Equal("value", Assert.Single(Number("7", "value").Then(n => AtMost(n, 5)).Violations).Field);
    }

    [Fact]
    public void A_check_gathered_without_the_field_it_waited_for_is_a_mistake_in_the_decider_not_a_refusal()
    {
        // A refusal naming no field would tell the caller nothing to fix.
        var value = Number("7", "value").Against(Number("x", "limit"), AtMost);

        Assert.Throws<InvalidOperationException>(() => Fields.All(value, Number("1", "other")));
        Assert.Throws<InvalidOperationException>(() => value.OrThrow());
    }

    [Fact]
    public void Refusals_that_are_not_about_the_field_are_thrown_at_once()
    {
        var refusal = Assert.Throws<DomainException>(() => Fields.Check<int>(() => throw DomainException.NotFound("round 'x' does not exist")));

        Assert.Equal(DomainErrorKind.NotFound, refusal.Kind);
        Assert.Empty(refusal.Violations);
    }

    [Fact]
    public void Each_entry_of_a_list_is_checked_and_every_wrong_one_named_by_its_place()
    {
        string[] numbers = ["1", "x", "3", "y"];

        var list = Fields.Each(numbers, (text, i) => Number(text, $"numbers[{i}]").OrThrow());

        Assert.Equal(["numbers[1]", "numbers[3]"], list.Violations.Select(v => v.Field));
        Assert.Equal([1, 3], Fields.Each(["1", "3"], (text, i) => Number(text, $"numbers[{i}]").OrThrow()).OrThrow());
    }

    [Fact]
    public void An_invalid_refusal_names_at_least_one_field()
    {
        Assert.Throws<ArgumentException>(() => DomainException.Invalid([]));
    }

    [Fact]
    public void Only_an_invalid_command_has_field_violations()
    {
        Assert.Empty(DomainException.Conflict("already held", "round_id").Violations);
        Assert.Empty(new DomainException(DomainErrorKind.AlreadyExists, "already open", "case_id").Violations);
        Assert.Equal([new FieldViolation("round_id", "is required")], DomainException.Invalid("round_id", "is required").Violations);
    }
}
