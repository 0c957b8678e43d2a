namespace EventDialogue.EventStore;

public static class ReadValidation
{
    public static void RequirePositiveCount(int maxCount)
    {
        if (maxCount <= 0)
        {
            throw new InvalidStoreRequestException("max_count", $"a read asks for 1 or more events; {maxCount} is not");
        }
    }
}
