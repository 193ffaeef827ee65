using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Rampart.Core.Policies;
using Rampart.Services.Policies;

namespace Rampart.Cli.Commands;

/// <summary>
/// <c>rampart policy import|submit|approve|reject|publish|ack|retire|list|show|diff|evidence|change</c>: the TVM policy's
/// lifecycle. Each step is recorded under a Rampart user: <c>--as NAME</c>, else RAMPART_USER, else the OS user name.
/// </summary>
internal static class PolicyCommand
{
    private static readonly Option<string?> As = new("--as") { Description = "The Rampart user taking the step (recorded). Default: RAMPART_USER, else the OS user name.", Recursive = true };

    public static Command Create()
    {
        var command = new Command("policy", "The threat and vulnerability management policy: import a draft, review, approve, publish, acknowledge.") { As };
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Step("submit", "Submit a draft for review.", (s, n, user, comment, ct) => s.SubmitAsync(n, user, comment, ct)));
        command.Subcommands.Add(Step("approve", "Approve a version in review (an approver who is not its author).", (s, n, user, comment, ct) => s.ApproveAsync(n, user, comment, ct)));
        command.Subcommands.Add(Step("reject", "Send a version in review back to draft (--comment says why).", (s, n, user, comment, ct) => s.RejectAsync(n, user, comment ?? "", ct)));
        command.Subcommands.Add(Step("retire", "Retire a version (--comment says why).", (s, n, user, comment, ct) => s.RetireAsync(n, user, comment ?? "", ct)));
        command.Subcommands.Add(Publish());
        command.Subcommands.Add(Acknowledge());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Diff());
        command.Subcommands.Add(Evidence());
        command.Subcommands.Add(Change());
        command.Subcommands.Add(Check());
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("file") { Description = "The policy: Markdown with a YAML parameter block (see docs/policy.md and docs/policy-template.md)." };
        var command = new Command("import", "Import a policy document as a new draft version.") { file, CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, user) =>
        {
            var path = parse.GetValue(file)!;
            if (path.Exists && path.Length > PolicyService.MaxDocumentBytes)
            {
                throw new PolicyFormatException(path.Name, $"the file is {path.Length:N0} bytes; a policy document is at most {PolicyService.MaxDocumentBytes:N0}", null);
            }

            var text = await File.ReadAllTextAsync(path.FullName, ct);
            var version = await services.GetRequiredService<PolicyService>().ImportAsync(path.Name, text, user, null, ct);
            var document = PolicyDocument.Parse(version.FileName, version.Content);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { version.Number, version.Title, status = version.Status, version.ContentHash, document.Warnings }, CliOptions.JsonOutput));
                return;
            }

            Console.WriteLine($"Imported version {version.Number} \"{version.Title}\" as a draft (sha256 {version.ContentHash}).");
            foreach (var warning in document.Warnings)
            {
                Console.WriteLine($"warning: {warning}");
            }
        }, ct));
        return command;
    }

    private static Command Step(string name, string description, Func<PolicyService, int, string, string?, CancellationToken, Task<PolicyVersion>> step)
    {
        var number = new Argument<int>("version") { Description = "The version number." };
        var comment = new Option<string?>("--comment") { Description = "Why (recorded with the step)." };
        var command = new Command(name, description) { number, comment };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, user) =>
        {
            var version = await step(services.GetRequiredService<PolicyService>(), parse.GetValue(number), user, parse.GetValue(comment), ct);
            Console.WriteLine($"Version {version.Number} is now {PolicyLifecycle.Name(version.Status)} ({name} by {user}).");
        }, ct));
        return command;
    }

    private static Command Publish()
    {
        var number = new Argument<int>("version") { Description = "The approved version to bring into force." };
        var dueDates = new Option<PolicyDueDateChoice>("--due-dates")
        {
            Description = "Open findings' due dates: keep them, or recompute them from this version (recorded with the publication).",
            Required = true,
        };
        var comment = new Option<string?>("--comment") { Description = "Why (recorded)." };
        var command = new Command("publish", "Bring an approved version into force; the version in force is superseded.") { number, dueDates, comment, CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, user) =>
        {
            var result = await services.GetRequiredService<PolicyService>().PublishAsync(parse.GetValue(number), user, parse.GetValue(dueDates), parse.GetValue(comment), ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { result.Version.Number, result.Superseded, result.DueDatesRecomputed, result.Notified }, CliOptions.JsonOutput));
                return;
            }

            var superseded = result.Superseded is { } old ? $"; version {old} superseded" : "";
            var dates = parse.GetValue(dueDates) == PolicyDueDateChoice.Recompute ? $"{result.DueDatesRecomputed:N0} open findings' due dates recomputed" : "open findings' due dates kept";
            Console.WriteLine($"Version {result.Version.Number} is in force{superseded}; {dates}; {result.Notified} stakeholders notified.");
        }, ct));
        return command;
    }

    private static Command Acknowledge()
    {
        var number = new Argument<int>("version") { Description = "The version in force." };
        var command = new Command("ack", "Acknowledge that you have read the version in force.") { number };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, user) =>
        {
            var result = await services.GetRequiredService<PolicyService>().AcknowledgeAsync(parse.GetValue(number), user, ct);
            var at = result.Acknowledgement.At.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            Console.WriteLine(result.AlreadyAcknowledged
                ? $"{user} had already acknowledged version {parse.GetValue(number)} on {at} UTC; nothing changed."
                : $"{user} acknowledged version {parse.GetValue(number)} (sha256 {result.Acknowledgement.ContentHash}) at {at} UTC.");
        }, ct));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List every version with its status.") { CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, _) =>
        {
            var versions = await services.GetRequiredService<PolicyQueries>().ListAsync(ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(versions, CliOptions.JsonOutput));
                return;
            }

            foreach (var v in versions)
            {
                Console.WriteLine($"v{v.Number}\t{PolicyLifecycle.Name(v.Status)}\t{v.Title}\tby {v.Author}\t{(v.ApprovedBy is null ? "" : $"approved by {v.ApprovedBy}")}");
            }
        }, ct, needsUser: false));
        return command;
    }

    private static Command Show()
    {
        var number = new Argument<int?>("version") { Description = "The version (default: the version in force).", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("show", "Show a version: status, parameters, warnings and its history.") { number, CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, _) =>
        {
            var detail = await services.GetRequiredService<PolicyQueries>().GetAsync(parse.GetValue(number), ct);
            var v = detail.Version;
            var p = detail.Document.Parameters;
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    v.Number, v.Title, status = v.Status, v.Author, v.CreatedAt, v.ApprovedBy, v.ApprovedAt, v.ApprovedHash, v.ContentHash,
                    v.PublishedBy, v.PublishedAt, v.DueDateChoice, v.NextReviewDue, parameters = p, detail.Document.Warnings,
                    transitions = detail.Transitions.Select(t => new { from = t.FromStatus, to = t.ToStatus, t.By, t.At, t.Comment, t.ContentHash }),
                    acknowledgements = detail.Acknowledgements.Select(a => new { a.UserName, a.At, a.ContentHash }),
                }, CliOptions.JsonOutput));
                return;
            }

            Console.WriteLine($"Version {v.Number}: {v.Title} — {PolicyLifecycle.Name(v.Status)}");
            Console.WriteLine($"sha256 {v.ContentHash}; written by {v.Author}{(v.ApprovedBy is null ? "" : $"; approved by {v.ApprovedBy} on {v.ApprovedAt:yyyy-MM-dd}")}; next review {v.NextReviewDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—"}");
            Console.WriteLine($"remediation days P1 {p.Timeframes.P1Days} · P2 {p.Timeframes.P2Days} · P3 {p.Timeframes.P3Days} · P4 {p.Timeframes.P4Days}; risk acceptance at most {p.RiskAcceptance.MaxDays} days; review every {p.ReviewIntervalMonths} months");
            Console.WriteLine($"scope: {string.Join(", ", p.Scope.Layers)}; parties: {string.Join(", ", p.Scope.Parties)}");
            foreach (var warning in detail.Document.Warnings)
            {
                Console.WriteLine($"warning: {warning}");
            }

            foreach (var t in detail.Transitions)
            {
                Console.WriteLine($"{t.At:yyyy-MM-dd HH:mm}  {(t.FromStatus is { } f ? PolicyLifecycle.Name(f) : "—")} → {PolicyLifecycle.Name(t.ToStatus)}  by {t.By}{(t.Comment is null ? "" : $": {t.Comment}")}");
            }

            Console.WriteLine($"acknowledged by {detail.Acknowledgements.Count}");
        }, ct, needsUser: false));
        return command;
    }

    private static Command Diff()
    {
        var from = new Argument<int>("from") { Description = "The older version." };
        var to = new Argument<int>("to") { Description = "The newer version." };
        var command = new Command("diff", "Show the differences between two versions' texts.") { from, to };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, _) =>
        {
            var lines = await services.GetRequiredService<PolicyQueries>().DiffAsync(parse.GetValue(from), parse.GetValue(to), ct);
            Console.WriteLine($"--- version {parse.GetValue(from)}");
            Console.WriteLine($"+++ version {parse.GetValue(to)}");
            foreach (var line in lines)
            {
                Console.WriteLine($"{line.Kind}{line.Text}");
            }
        }, ct, needsUser: false));
        return command;
    }

    private static Command Evidence()
    {
        var command = new Command("evidence", "Audit evidence for the version in force: approval, acknowledgement coverage, review, scope, SLA compliance.") { CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, _) =>
        {
            var e = await services.GetRequiredService<PolicyQueries>().EvidenceAsync(ct);
            if (parse.GetValue(CliOptions.Json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    version = new { e.Version.Number, e.Version.Title, e.Version.ContentHash, e.Version.PublishedAt, e.Version.PublishedBy, e.Version.DueDateChoice },
                    approval = new { e.Version.Author, e.Version.ApprovedBy, e.Version.ApprovedAt, e.Version.ApprovedHash, hashMatches = e.Version.ApprovedHash == e.Version.ContentHash },
                    acknowledgements = e.Acknowledgements,
                    review = new
                    {
                        e.Review.LastApproval, e.Review.NextReviewDue, e.Review.ReviewDue, e.Review.Overdue, e.Review.History,
                        openSignificantChanges = e.Review.OpenSignificantChanges.Select(c => new { c.Kind, c.Description, c.RecordedBy, c.RecordedAt, c.Layer }),
                    },
                    scope = e.Scope,
                    sla = e.Sla,
                    transitions = e.Transitions.Select(t => new { from = t.FromStatus, to = t.ToStatus, t.By, t.At, t.Comment, t.ContentHash }),
                    at = e.At,
                }, CliOptions.JsonOutput));
                return;
            }

            Console.WriteLine($"In force: version {e.Version.Number} \"{e.Version.Title}\", approved by {e.Version.ApprovedBy} on {e.Version.ApprovedAt:yyyy-MM-dd} (hash {(e.Version.ApprovedHash == e.Version.ContentHash ? "matches" : "DOES NOT MATCH")}), published {e.Version.PublishedAt:yyyy-MM-dd}");
            Console.WriteLine($"Acknowledged: {e.Acknowledgements.Acknowledged} of {e.Acknowledgements.Required}{(e.Acknowledgements.Missing.Count > 0 ? $" (missing: {string.Join(", ", e.Acknowledgements.Missing)})" : "")}");
            Console.WriteLine($"Review due {e.Review.ReviewDue:yyyy-MM-dd}{(e.Review.Overdue ? " — OVERDUE" : "")}; {e.Review.OpenSignificantChanges.Count} open significant changes");
            Console.WriteLine($"SLA under this version: {e.Sla.Open} open ({e.Sla.Overdue} overdue), {e.Sla.Fixed} fixed ({e.Sla.FixedOnTime} on time); compliance {(e.Sla.Compliance is { } c ? c.ToString("P1", CultureInfo.InvariantCulture) : "—")}");
            if (e.Scope.UncoveredAssetLayers.Count > 0)
            {
                Console.WriteLine($"Assets outside the policy's scope: layers {string.Join(", ", e.Scope.UncoveredAssetLayers)}");
            }
        }, ct, needsUser: false));
        return command;
    }

    private static Command Change()
    {
        var kind = new Option<SignificantChangeKind>("--kind") { Description = "NewAssetLayer, NewRegulation, MajorIncident or Other.", Required = true };
        var description = new Option<string>("--description") { Description = "What changed.", Required = true };
        var command = new Command("change", "Record a significant change: the policy is due for review now.") { kind, description };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, user) =>
        {
            var change = await services.GetRequiredService<PolicyService>().RecordSignificantChangeAsync(parse.GetValue(kind), parse.GetValue(description)!, user, ct);
            Console.WriteLine($"Recorded significant change {change.Id} ({change.Kind}); the policy is due for review.");
        }, ct));
        return command;
    }

    private static Command Check()
    {
        var command = new Command("check", "Run the policy's daily checks now: reminders, review notices, uncovered asset layers, expired exceptions.") { CliOptions.Json };
        command.SetAction((parse, ct) => RunAsync(parse, async (services, _) =>
        {
            var r = await services.GetRequiredService<PolicyChecks>().RunAsync(ct);
            Console.WriteLine(parse.GetValue(CliOptions.Json)
                ? JsonSerializer.Serialize(r, CliOptions.JsonOutput)
                : $"{r.SignificantChangesRaised} significant changes raised, {r.AcknowledgementReminders} acknowledgement reminders, {r.ReviewNotices} review notices, {r.ExemptionsEnded} exceptions ended.");
        }, ct, needsUser: false));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, string, Task> action, CancellationToken cancellationToken, bool needsUser = true)
    {
        try
        {
            var user = parse.GetValue(As) is { Length: > 0 } named ? named
                : Environment.GetEnvironmentVariable("RAMPART_USER") is { Length: > 0 } env ? env
                : Environment.UserName;
            await using var provider = await CliDatabase.OpenAsync(parse.GetValue(CliOptions.Database), cancellationToken);
            await using var scope = provider.CreateAsyncScope();
            await action(scope.ServiceProvider, needsUser ? user : "");
            return CliErrors.Success;
        }
        catch (PolicyNotFoundException ex)
        {
            Console.Error.WriteLine($"rampart: error: {ex.Message}");
            return CliErrors.NotFound;
        }
        catch (Exception ex) when (ex is PolicyFormatException or PolicyRuleException)
        {
            Console.Error.WriteLine($"rampart: error: {ex.Message}");
            return CliErrors.BadInput;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return CliErrors.Report(ex);
        }
    }
}
