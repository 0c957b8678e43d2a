using EventDialogue.Domain.Dates;

namespace EventDialogue.Domain.Tests.Dates;

public sealed class DateWordsTests
{
    [Theory]
    [InlineData("2010-05-13", "by 13 May 2010")]
    [InlineData("2011-05", "by the end of May 2011")]
    [InlineData("2011", "sometime in 2011")]
    [InlineData("2010-05-14/..", "from 14 May 2010, no end")]
    [InlineData("2010-05-14/", "from 14 May 2010, end unknown")]
    [InlineData("2010-05-14/2010-09", "from 14 May 2010 to the end of September 2010")]
    [InlineData("2010-05-17/2010-05-23", "from 17 May 2010 to 23 May 2010")]
    [InlineData("../2011-06", "by the end of June 2011")]
    [InlineData("2011~", "sometime in about 2011")]
    public void A_due_window_is_said_in_words_at_its_own_precision(string edtf, string words)
    {
        Assert.Equal(words, DateWords.Due(edtf));
    }

    [Theory]
    [InlineData("2010-05-13", "13 May 2010")]
    [InlineData("2011-04", "sometime in April 2011")]
    [InlineData("2011", "sometime in 2011")]
    [InlineData("2010-07~", "sometime in about July 2010")]
    [InlineData("2010-06?", "sometime in perhaps June 2010")]
    [InlineData("2010-05-13/2010-05-14", "between 13 May 2010 and 14 May 2010")]
    [InlineData("2010-05/..", "from May 2010, no end")]
    public void When_something_happened_is_said_in_words_never_more_precise_than_its_date(string edtf, string words)
    {
        Assert.Equal(words, DateWords.When(edtf));
    }
}
