using System.CommandLine;
using System.Globalization;
using EventDialogue.Api.V1;
using EventDialogue.Cli.Common;
using Spectre.Console;

namespace EventDialogue.Cli.Keys;

/// <summary>`keys create`, `keys list` and `keys revoke`: API keys, for an admin.</summary>
internal static class KeysCommands
{
    private static readonly Option<string> Name = new("--name") { Description = "The key's name: recorded as recorded-by on everything it records.", Required = true };
    private static readonly Option<string[]> Role = new("--role")
    {
        Description = "A role it holds: recorder, analyst, auditor or admin (repeat for several).",
        Required = true,
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Option<string[]> Cleared = new("--cleared")
    {
        Description = "A clearance it holds beside its roles: confidential (sees cases raised and responses received in confidence).",
        AllowMultipleArgumentsPerToken = false,
    };

    private static readonly Argument<string> KeyName = new("name") { Description = "The name of the key to revoke." };

    public static Command Create()
    {
        var create = new Command("create", "Create a key; it is printed once, on stdout, and only its hash is kept.") { Name, Role, Cleared };
        create.SetSessionAction(CreateAsync);
        var list = new Command("list", "List the keys (never the keys themselves), revoked ones too.");
        list.SetSessionAction(ListAsync);
        var revoke = new Command("revoke", "Revoke a key: every server of the store refuses it from the next call on.") { KeyName };
        revoke.SetSessionAction(RevokeAsync);
        return new Command("keys", "API keys: who may call the server, and with which roles (admin only).") { create, list, revoke };
    }

    private static async Task CreateAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var request = new CreateKeyRequest { Name = parsed.GetRequiredValue(Name), Roles = { parsed.GetRequiredValue(Role) }, Cleared = { parsed.GetValue(Cleared) ?? [] } };
        var response = await session.Keys.CreateKeyAsync(request, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        // The key alone on stdout, so that KEY=$(eventdialogue keys create …) captures it; the rest goes to stderr.
        Console.Out.WriteLine(response.Key);
        session.Err.MarkupLineInterpolated($"[green]Created the key '{response.ApiKey.Name}' ({string.Join(", ", [.. response.ApiKey.Roles, .. response.ApiKey.Cleared.Select(c => $"cleared {c}")])}).[/] It is shown only now: keep it.");
    }

    private static async Task ListAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var response = await session.Keys.ListKeysAsync(new ListKeysRequest(), Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        var table = Cells.Table("API keys", "Name", "Roles", "Cleared", "Created", "Created by", "Revoked");
        foreach (var key in response.Keys)
        {
            table.AddRow(Markup.Escape(key.Name), Cells.List(key.Roles), Cells.List(key.Cleared), Moment(key.CreatedAt), Markup.Escape(key.CreatedBy), key.RevokedAt is null ? Cells.None : Moment(key.RevokedAt));
        }

        session.Out.Write(table);
    }

    private static async Task RevokeAsync(Session session, ParseResult parsed, CancellationToken cancellationToken)
    {
        var response = await session.Keys.RevokeKeyAsync(new RevokeKeyRequest { Name = parsed.GetRequiredValue(KeyName) }, Session.Call(cancellationToken));
        if (session.Json)
        {
            Session.WriteJson(response);
            return;
        }

        session.Out.MarkupLineInterpolated($"Revoked the key '{response.ApiKey.Name}' at {response.ApiKey.RevokedAt.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture)}.");
    }

    private static string Moment(Google.Protobuf.WellKnownTypes.Timestamp timestamp) =>
        Markup.Escape(timestamp.ToDateTimeOffset().ToString("u", CultureInfo.InvariantCulture));
}
