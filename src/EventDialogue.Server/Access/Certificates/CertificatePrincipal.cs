namespace EventDialogue.Server.Access.Certificates;

/// <summary>Who a client certificate is: a name (recorded-by on what it records) and its roles.</summary>
public sealed record CertificatePrincipal(string Name, IReadOnlyList<string> Roles);
