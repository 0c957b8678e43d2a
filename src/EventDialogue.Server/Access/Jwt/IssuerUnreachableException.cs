namespace EventDialogue.Server.Access.Jwt;

/// <summary>
/// A token could not be checked because the issuer's metadata or signing keys could not be fetched: an outage of a
/// service this server depends on, not a fault of the caller's token, so the caller is told to retry (UNAVAILABLE)
/// rather than to get another token (UNAUTHENTICATED).
/// </summary>
public sealed class IssuerUnreachableException(Exception? cause = null)
    : Exception("the token could not be checked: the issuer's signing keys could not be fetched; retry later", cause);
