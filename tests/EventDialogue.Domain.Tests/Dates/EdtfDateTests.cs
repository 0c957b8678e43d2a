using EventDialogue.Domain.Common;
using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Tests.Dates;

public sealed class EdtfDateTests
{
    [Theory]
    [InlineData("2010-05-13")]
    [InlineData("2011-04")]
    [InlineData("2011")]
    [InlineData("2011?")]
    [InlineData("2011~")]
    [InlineData("2011%")]
    [InlineData("2010-05-13?")]
    [InlineData("2011-04~")]
    [InlineData("2010-05/2010-09")]
    [InlineData("2010-05-14/2010-09")]
    [InlineData("2010-05/..")]
    [InlineData("../2012")]
    [InlineData("/2012")]
    [InlineData("2010-05/")]
    [InlineData("2011-04~/2011-05?")]
    [InlineData("0001")]
    [InlineData("9999-12-31")]
    public void A_valid_EDTF_date_is_written_back_exactly_as_it_was_read(string text)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(text, date.ToString());
        Assert.Equal(date, EdtfDate.Parse(date.ToString()));
    }

    [Theory]
    [InlineData("2010-05-13", DatePrecision.Day)]
    [InlineData("2011-04", DatePrecision.Month)]
    [InlineData("2011", DatePrecision.Year)]
    [InlineData("2011-04?", DatePrecision.Month)]
    public void A_date_keeps_the_precision_it_was_given_and_never_invents_a_day(string text, DatePrecision precision)
    {
        var date = EdtfDate.Parse(text);

        Assert.False(date.IsInterval);
        Assert.Equal(precision, date.Start!.Precision);
        Assert.Null(date.End);
    }

    [Fact]
    public void A_month_is_read_as_its_year_and_month_with_no_day()
    {
        var start = EdtfDate.Parse("2011-04").Start!;

        Assert.Equal((2011, 4, (int?)null), (start.Year, start.Month!.Value, start.Day));
    }

    [Theory]
    [InlineData("2010-05-13", "2010-05-13", "2010-05-13")]
    [InlineData("2011-04", "2011-04-01", "2011-04-30")]
    [InlineData("2012-02", "2012-02-01", "2012-02-29")]
    [InlineData("2011-02", "2011-02-01", "2011-02-28")]
    [InlineData("2011", "2011-01-01", "2011-12-31")]
    [InlineData("2010-05/2010-09", "2010-05-01", "2010-09-30")]
    [InlineData("2010-05-14/2010-09", "2010-05-14", "2010-09-30")]
    [InlineData("2010-05/..", "2010-05-01", null)]
    [InlineData("2010-05/", "2010-05-01", null)]
    [InlineData("/2012", null, "2012-12-31")]
    [InlineData("../2012", null, "2012-12-31")]
    public void The_earliest_and_latest_days_a_date_can_mean_are_its_bounds(string text, string? earliest, string? latest)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(earliest is null ? null : DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(latest is null ? null : DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), date.Latest);
    }

    [Theory]
    [InlineData("2011?", true, false)]
    [InlineData("2011~", false, true)]
    [InlineData("2011%", true, true)]
    [InlineData("2011", false, false)]
    public void A_qualifier_marks_the_date_uncertain_approximate_or_both(string text, bool uncertain, bool approximate)
    {
        var point = EdtfDate.Parse(text).Start!;

        Assert.Equal(uncertain, point.Uncertain);
        Assert.Equal(approximate, point.Approximate);
        Assert.Equal(2011, point.Year);
    }

    [Theory]
    [InlineData("2011?")]
    [InlineData("2011~")]
    [InlineData("2011%")]
    public void A_qualifier_does_not_widen_the_bounds(string text)
    {
        var date = EdtfDate.Parse(text);

        Assert.Equal(new DateOnly(2011, 1, 1), date.Earliest);
        Assert.Equal(new DateOnly(2011, 12, 31), date.Latest);
    }

    [Fact]
    public void Given_an_interval_with_an_open_end_then_it_is_an_interval_still_going_on()
    {
        var date = EdtfDate.Parse("2010-05/..");

        Assert.True(date.IsInterval);
        Assert.Equal(EdtfDate.IntervalEnd.Given, date.StartKind);
        Assert.Equal(EdtfDate.IntervalEnd.Open, date.EndKind);
        Assert.Null(date.End);
        Assert.Null(date.Latest);
    }

    [Fact]
    public void Given_an_interval_with_an_unknown_start_then_its_start_is_unknown_and_its_end_given()
    {
        var date = EdtfDate.Parse("/2012");

        Assert.True(date.IsInterval);
        Assert.Equal(EdtfDate.IntervalEnd.Unknown, date.StartKind);
        Assert.Equal(EdtfDate.IntervalEnd.Given, date.EndKind);
        Assert.Null(date.Start);
        Assert.Equal(2012, date.End!.Year);
    }

    [Fact]
    public void In_the_next_few_months_said_on_14_May_2010_is_an_interval_from_that_day_to_a_month()
    {
        var window = EdtfDate.Between(EdtfPoint.OnDay(2010, 5, 14), EdtfPoint.InMonth(2010, 9));

        Assert.Equal("2010-05-14/2010-09", window.ToString());
        Assert.Equal(EdtfDate.Parse("2010-05-14/2010-09"), window);
        Assert.Equal(DatePrecision.Day, window.Start!.Precision);
        Assert.Equal(DatePrecision.Month, window.End!.Precision);
    }

    [Fact]
    public void The_factories_write_what_they_mean()
    {
        Assert.Equal("2010-05-13", EdtfDate.At(EdtfPoint.FromDate(new DateOnly(2010, 5, 13))).ToString());
        Assert.Equal("2011-04", EdtfDate.At(EdtfPoint.InMonth(2011, 4)).ToString());
        Assert.Equal("2011", EdtfDate.At(EdtfPoint.InYear(2011)).ToString());
        Assert.Equal("2010-05/..", EdtfDate.From(EdtfPoint.InMonth(2010, 5)).ToString());
    }

    [Fact]
    public void Dates_are_equal_when_they_say_the_same_thing()
    {
        Assert.Equal(EdtfDate.Parse("2011-04"), EdtfDate.Parse("2011-04"));
        Assert.NotEqual(EdtfDate.Parse("2011-04"), EdtfDate.Parse("2011-04?"));
        Assert.NotEqual(EdtfDate.Parse("2011-04"), EdtfDate.Parse("2011"));
        Assert.NotEqual(EdtfDate.Parse("2010-05/"), EdtfDate.Parse("2010-05/.."));
    }

    [Theory]
    [InlineData("2010-05-14/2010-09", "2010-10-01", true)]
    [InlineData("2010-05-14/2010-09", "2010-09-30", false)]
    [InlineData("2011-04", "2011-05-01", true)]
    [InlineData("2011-04", "2011-04-30", false)]
    [InlineData("2010-05/..", "2099-01-01", false)]
    public void A_date_ends_before_a_day_only_when_its_latest_day_is_earlier(string text, string day, bool endsBefore)
    {
        Assert.Equal(endsBefore, EdtfDate.Parse(text).EndsBefore(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("2010-13", "month 13 is not 01-12")]
    [InlineData("2010-00", "month 0 is not 01-12")]
    [InlineData("2010-02-30", "day 30 does not exist in 2010-02")]
    [InlineData("2011-02-29", "day 29 does not exist in 2011-02")]
    [InlineData("2010-04-31", "day 31 does not exist in 2010-04")]
    [InlineData("0000", "year 0 is out of range")]
    [InlineData("10-05", "'10-05' is not an EDTF date")]
    [InlineData("2010-5-13", "'2010-5-13' is not an EDTF date")]
    [InlineData("13 May 2010", "'13 May 2010' is not an EDTF date")]
    [InlineData("2010-05-13T10:00", "is not an EDTF date")]
    [InlineData("2011??", "is not an EDTF date")]
    [InlineData(" 2011", "is not an EDTF date")]
    [InlineData("", "'' is not an EDTF date")]
    [InlineData("2010/05/13", "'2010/05/13' has more than one '/'")]
    [InlineData("2011-09/2011-01", "the interval ends (2011-01) before it starts (2011-09)")]
    [InlineData("2010-05-14/2010-05-13", "ends (2010-05-13) before it starts (2010-05-14)")]
    [InlineData("../..", "'../..' gives neither end of the interval")]
    [InlineData("/", "gives neither end of the interval")]
    [InlineData("/..", "gives neither end of the interval")]
    [InlineData("2010-05/2010-13", "month 13 is not 01-12")]
    public void An_invalid_date_is_refused_with_a_message_that_says_why(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => EdtfDate.Parse(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.False(EdtfDate.TryParse(text, out var date, out var message));
        Assert.Null(date);
        Assert.Equal(error.Message, message);
    }

    [Theory]
    [InlineData("2011\n")]
    [InlineData("2010-05-13\n")]
    public void A_date_followed_by_a_line_break_is_not_an_EDTF_date(string text)
    {
        Assert.Throws<FormatException>(() => EdtfDate.Parse(text));
    }

    [Fact]
    public void Given_no_text_when_tried_then_it_says_a_date_is_required()
    {
        Assert.False(EdtfDate.TryParse(null, out var date, out var error));

        Assert.Null(date);
        Assert.Equal("a date is required", error);
    }

    [Fact]
    public void Given_a_valid_date_when_tried_then_it_is_parsed_with_no_error()
    {
        Assert.True(EdtfDate.TryParse("2011-04", out var date, out var error));

        Assert.Equal(EdtfDate.Parse("2011-04"), date);
        Assert.Null(error);
    }

    [Fact]
    public void An_interval_cannot_be_built_ending_before_it_starts()
    {
        var error = Assert.Throws<FormatException>(() => EdtfDate.Between(EdtfPoint.InMonth(2011, 9), EdtfPoint.InMonth(2011, 1)));

        Assert.Contains("ends (2011-01) before it starts (2011-09)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_may_end_in_the_month_it_starts()
    {
        var date = EdtfDate.Parse("2011-04-10/2011-04");

        Assert.Equal(new DateOnly(2011, 4, 10), date.Earliest);
        Assert.Equal(new DateOnly(2011, 4, 30), date.Latest);
    }

    [Fact]
    public void A_day_that_does_not_exist_cannot_be_built()
    {
        Assert.Throws<FormatException>(() => EdtfPoint.OnDay(2010, 2, 30));
        Assert.Equal(new DateOnly(2012, 2, 29), EdtfPoint.OnDay(2012, 2, 29).Latest);
    }
}

public sealed class WorldDateTests
{
    [Fact]
    public void A_command_date_is_stored_trimmed_in_its_EDTF_form()
    {
        Assert.Equal("2011-04", WorldDate.Require("  2011-04 ", "dates"));
        Assert.Equal("2010-05-14/2010-09", WorldDate.Require("2010-05-14/2010-09", "due"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_required_date_is_refused_naming_the_field(string? text)
    {
        var error = Assert.Throws<DomainException>(() => WorldDate.Require(text, "said"));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("said", error.Field);
        Assert.Contains("a date is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_date_is_refused_naming_the_field_and_saying_why()
    {
        var error = Assert.Throws<DomainException>(() => WorldDate.Require("2010-02-30", "as_of"));

        Assert.Equal(DomainErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("as_of", error.Field);
        Assert.Contains("day 30 does not exist in 2010-02", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void A_missing_optional_date_is_null(string? text)
    {
        Assert.Null(WorldDate.Optional(text, "date"));
    }

    [Fact]
    public void A_bad_optional_date_is_still_refused()
    {
        var error = Assert.Throws<DomainException>(() => WorldDate.Optional("2010-13", "date"));

        Assert.Equal("date", error.Field);
    }
}
