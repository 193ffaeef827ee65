using System.Globalization;
using System.Net.Mail;
using YamlDotNet.RepresentationModel;

namespace Rampart.Core.Policies;

/// <summary>The list-valued keys: escalation steps, maintenance windows and disclosure contacts.</summary>
internal static partial class PolicyFrontMatter
{
    private static readonly string[] FixedRecipients = ["assignee", "owner-team-lead", "security-lead"];

    private static List<EscalationStep> Escalation(FrontMatterReader reader, YamlNode node, string path)
    {
        var steps = new List<EscalationStep>();
        foreach (var (item, i) in reader.Sequence(node, path).Children.Select((item, i) => (item, i + 1)))
        {
            var stepPath = $"{path}[{i}]";
            var entries = Required(reader, item, stepPath, ["days-after-due", "notify"], optional: []);
            var days = reader.Int(entries["days-after-due"], $"{stepPath}.days-after-due", -365, 365, "days");
            if (steps.Count > 0 && days <= steps[^1].DaysAfterDue)
            {
                throw reader.Error(
                    entries["days-after-due"],
                    $"{stepPath}.days-after-due: {days} does not come after the previous step's {steps[^1].DaysAfterDue}; list steps in increasing order");
            }

            steps.Add(new(days, Recipient(reader, entries["notify"], $"{stepPath}.notify")));
        }

        return steps;
    }

    private static string Recipient(FrontMatterReader reader, YamlNode node, string path)
    {
        var notify = reader.Text(node, path);
        var named = (notify.StartsWith("user:", StringComparison.Ordinal) || notify.StartsWith("team:", StringComparison.Ordinal))
            && notify[5..].Trim().Length > 0;
        if (named || FixedRecipients.Contains(notify))
        {
            return notify;
        }

        throw reader.Error(
            node,
            $"{path}: unknown recipient {notify}{KeySuggestion.Hint(notify, FixedRecipients)}; "
            + "notify assignee, owner-team-lead, security-lead, user:NAME or team:NAME");
    }

    private static List<MaintenanceWindow> MaintenanceWindows(FrontMatterReader reader, YamlNode node, string path)
    {
        var windows = new List<MaintenanceWindow>();
        foreach (var (item, i) in reader.Sequence(node, path).Children.Select((item, i) => (item, i + 1)))
        {
            var windowPath = $"{path}[{i}]";
            var entries = Required(reader, item, windowPath, ["name", "days", "start", "duration-minutes"], optional: ["time-zone"]);
            windows.Add(new(
                reader.Text(entries["name"], $"{windowPath}.name"),
                reader.Names(entries["days"], $"{windowPath}.days", PolicyNames.Days, "day", allowEmpty: false),
                Time(reader, entries["start"], $"{windowPath}.start"),
                reader.Int(entries["duration-minutes"], $"{windowPath}.duration-minutes", 1, 1440, "minutes"),
                entries.TryGetValue("time-zone", out var zone) ? TimeZone(reader, zone, $"{windowPath}.time-zone") : "UTC"));
        }

        return windows;
    }

    private static TimeOnly Time(FrontMatterReader reader, YamlNode node, string path)
    {
        var text = reader.Text(node, path);
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw reader.Error(node, $"{path}: {text} is not a time of day; write HH:mm, e.g. \"02:00\"");
    }

    private static string TimeZone(FrontMatterReader reader, YamlNode node, string path)
    {
        var zone = reader.Text(node, path);
        return zone == "UTC" || TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)
            ? zone
            : throw reader.Error(node, $"{path}: unknown time zone {zone}; use UTC or an IANA name such as Europe/Berlin");
    }

    private static List<DisclosureContact> DisclosureContacts(FrontMatterReader reader, YamlNode node, string path)
    {
        var contacts = new List<DisclosureContact>();
        foreach (var (item, i) in reader.Sequence(node, path).Children.Select((item, i) => (item, i + 1)))
        {
            var contactPath = $"{path}[{i}]";
            var entries = reader.Entries(reader.Mapping(item, contactPath), contactPath, ["email", "url"]);
            if (entries.Count != 1)
            {
                throw reader.Error(item, $"{contactPath}: give exactly one of email or url per contact");
            }

            var (kind, _, value) = entries[0];
            var text = reader.Text(value, $"{contactPath}.{kind}");
            var valid = kind == "email" ? IsEmail(text) : IsHttpsUrl(text);
            if (!valid)
            {
                throw reader.Error(value, kind == "email"
                    ? $"{contactPath}.email: {text} is not an e-mail address"
                    : $"{contactPath}.url: {text} is not an https URL");
            }

            contacts.Add(new(kind, text));
        }

        return contacts;
    }

    // A bare address only (no display name), on a domain with a dot: a reporter must be able to write to it.
    private static bool IsEmail(string text) =>
        MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsHttpsUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    /// <summary>A list item's keys, refusing unknown ones and those of <paramref name="required"/> that are missing.</summary>
    private static Dictionary<string, YamlNode> Required(
        FrontMatterReader reader, YamlNode item, string path, string[] required, string[] optional)
    {
        var entries = reader.Entries(reader.Mapping(item, path), path, [.. required, .. optional])
            .ToDictionary(entry => entry.Name, entry => entry.Value, StringComparer.Ordinal);
        var missing = required.Where(key => !entries.ContainsKey(key)).ToList();
        return missing.Count == 0
            ? entries
            : throw reader.Error(item, $"{path} has no {string.Join(" or ", missing)}");
    }
}
