namespace EventDialogue.Server.Access;

/// <summary>
/// Whether the caller of the current request is cleared for confidential entries, for the readers that decide what
/// it may see (views, history) and run behind the mediator, out of reach of the call's context.
/// </summary>
public sealed class CallerClearance(IHttpContextAccessor http)
{
    public bool SeesConfidential => Clearances.SeesConfidential(http.HttpContext?.User);
}
