using System.Runtime.CompilerServices;
using System.Text.Json;
using Rampart.Core.Ingest;
using Rampart.Ingest.Json;
using Rampart.Ingest.Normalization;

namespace Rampart.Ingest.Formats.Generic;

/// <summary>
/// Streams Rampart's generic JSON report (docs/formats/generic.md):
/// <c>{"format": "rampart-generic", "version": 1, "tool": {…}, "scanDate", "scope", "findings": [ … ]}</c>.
/// Findings are read one property at a time, so memory is bounded by the largest single value. The top-level
/// keys may come in any order except that <c>tool</c> must precede <c>findings</c>: every finding carries the
/// tool's name and the file is read once. Unknown keys are errors, so that a misspelt field is not silently lost.
/// </summary>
internal static class GenericJsonReport
{
    public const string FormatName = "rampart-generic";

    public static async IAsyncEnumerable<ReportedFinding> ReadAsync(
        ReportInput input, ReportMetadata metadata, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var json = input.Json();
        if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartObject)
        {
            throw NotGeneric(json, "the top level is not a JSON object");
        }

        var sawFormat = false;
        var sawFindings = false;
        string? tool = null;
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            switch (name)
            {
                case "format":
                    var format = await json.ReadScalarAsync(cancellationToken);
                    if (!string.Equals(format, FormatName, StringComparison.OrdinalIgnoreCase))
                    {
                        throw NotGeneric(json, $"\"format\" is \"{ScannerText.Short(format)}\", not \"{FormatName}\"");
                    }

                    sawFormat = true;
                    break;
                case "version":
                    var version = await json.ReadScalarAsync(cancellationToken);
                    if (version is not ("1" or "1.0"))
                    {
                        throw NotGeneric(json, $"version {ScannerText.Short(version) ?? "(not a number)"} is not supported; this Rampart reads version 1");
                    }

                    break;
                case "tool":
                    tool = ReadTool(json, await json.ReadDetachedAsync(cancellationToken), metadata);
                    break;
                case "scanDate":
                    var date = await json.ReadScalarAsync(cancellationToken);
                    metadata.ScanDate = date is null ? null : ReportDates.Parse(date) ?? throw NotGeneric(json, $"scanDate \"{ScannerText.Short(date)}\" is not an ISO 8601 date and time");
                    break;
                case "scope":
                    metadata.Scope = ScannerText.Short(await json.ReadScalarAsync(cancellationToken));
                    break;
                case "findings":
                    if (tool is null)
                    {
                        throw NotGeneric(json, "\"tool\" must come before \"findings\" (each finding carries the tool's name, and the file is read in one pass)");
                    }

                    sawFindings = true;
                    if (!await json.ReadAsync(cancellationToken) || json.TokenType != JsonTokenType.StartArray)
                    {
                        throw NotGeneric(json, "\"findings\" must be an array (write [] for a scan that found nothing)");
                    }

                    var number = 0;
                    while (await ReadFindingStartAsync(json, number + 1, cancellationToken))
                    {
                        number++;
                        yield return await ReadFindingAsync(json, number, tool, cancellationToken);
                    }

                    break;
                case "$schema":
                    await json.SkipValueAsync(cancellationToken);
                    break;
                default:
                    throw NotGeneric(json, $"unknown top-level field \"{ScannerText.Short(name)}\" (expected format, version, tool, scanDate, scope, findings)");
            }
        }

        await json.ReadEndAsync(cancellationToken);
        if (!sawFormat)
        {
            throw NotGeneric(json, $"\"format\": \"{FormatName}\" is missing");
        }

        if (tool is null)
        {
            throw NotGeneric(json, "\"tool\" is missing");
        }

        if (!sawFindings)
        {
            throw NotGeneric(json, "\"findings\" is missing (write [] for a scan that found nothing)");
        }
    }

    private static string ReadTool(JsonTokenStream json, JsonElement tool, ReportMetadata metadata)
    {
        if (tool.ValueKind != JsonValueKind.Object)
        {
            throw NotGeneric(json, "\"tool\" must be an object: {\"name\": …, \"version\": …}");
        }

        var name = ScannerText.Short(tool.Text("name")) ?? throw NotGeneric(json, "tool.name is required");
        metadata.Tool = name;
        metadata.ToolVersion = ScannerText.Short(tool.Text("version"));
        return name;
    }

    /// <summary>Inside <c>findings</c>: true when the next finding object starts, false at the array's end.</summary>
    private static async ValueTask<bool> ReadFindingStartAsync(JsonTokenStream json, int number, CancellationToken cancellationToken)
    {
        if (!await json.ReadAsync(cancellationToken))
        {
            throw json.Invalid("the file ends inside \"findings\"");
        }

        return json.TokenType switch
        {
            JsonTokenType.StartObject => true,
            JsonTokenType.EndArray => false,
            _ => throw json.Invalid($"finding #{number}: each finding must be an object, not {json.TokenType}"),
        };
    }

    private static async ValueTask<ReportedFinding> ReadFindingAsync(JsonTokenStream json, int number, string tool, CancellationToken cancellationToken)
    {
        var (startLine, startByte) = (json.Line, json.BytePosition - 1);
        var finding = new GenericFinding();
        while (await json.ReadPropertyNameAsync(cancellationToken) is { } name)
        {
            var (line, bytePosition) = (json.Line, json.BytePosition);
            using var value = await json.ReadValueAsync(cancellationToken);
            try
            {
                Apply(finding, name, value.RootElement);
            }
            catch (InvalidDataException ex)
            {
                throw new ReportFormatException(json.FileName, $"finding #{number}: {ex.Message}", line, bytePosition);
            }
        }

        try
        {
            return finding.Build(tool);
        }
        catch (InvalidDataException ex)
        {
            throw new ReportFormatException(json.FileName, $"finding #{number}: {ex.Message}", startLine, startByte);
        }
    }

    private static void Apply(GenericFinding finding, string name, JsonElement value)
    {
        switch (name)
        {
            case "kind":
                finding.SetKind(Scalar(value, name));
                break;
            case "title":
                finding.SetTitle(Scalar(value, name));
                break;
            case "severity":
                finding.SetSeverity(Scalar(value, name));
                break;
            case "description":
                finding.Description = Scalar(value, name);
                break;
            case "ruleId":
                finding.RuleId = Scalar(value, name);
                break;
            case "ids":
                Each(value, name, finding.AddId);
                break;
            case "cwes":
                Each(value, name, finding.AddCwe);
                break;
            case "tags":
                Each(value, name, finding.AddTag);
                break;
            case "cvss":
                Each(value, name, finding.AddCvss);
                break;
            case "component":
                var component = Object(value, name, "name", "version", "purl");
                finding.ComponentName = Scalar(component.Get("name"), "component.name");
                finding.ComponentVersion = Scalar(component.Get("version"), "component.version");
                finding.Purl = Scalar(component.Get("purl"), "component.purl");
                break;
            case "fixedVersion":
                finding.FixedVersion = Scalar(value, name);
                break;
            case "location":
                var location = Object(value, name, "path", "line");
                finding.Path = Scalar(location.Get("path"), "location.path");
                finding.SetLine(Scalar(location.Get("line"), "location.line"));
                break;
            case "fingerprint":
                finding.Fingerprint = Scalar(value, name);
                break;
            case "suppressed":
                finding.Suppressed = GenericFinding.ParseBoolean(Scalar(value, name), name);
                break;
            case "message":
                finding.Message = Scalar(value, name);
                break;
            case "evidence":
                foreach (var item in Array(value, name))
                {
                    var evidence = Object(item, "each evidence item", "label", "text");
                    finding.AddEvidence(Scalar(evidence.Get("label"), "evidence label"), Scalar(evidence.Get("text"), "evidence text"));
                }

                break;
            default:
                throw new InvalidDataException($"unknown field \"{ScannerText.Short(name)}\"");
        }
    }

    /// <summary>A string, number or boolean as text; null stays null; arrays and objects are the wrong type.</summary>
    private static string? Scalar(JsonElement? value, string name) => value switch
    {
        null or { ValueKind: JsonValueKind.Null } => null,
        { ValueKind: JsonValueKind.Object or JsonValueKind.Array } => throw new InvalidDataException($"{name} must be a single value, not {Describe(value.Value)}"),
        { } scalar => scalar.AsText(),
    };

    private static JsonElement[] Array(JsonElement value, string name) => value.ValueKind switch
    {
        JsonValueKind.Null => [],
        JsonValueKind.Array => [.. value.EnumerateArray()],
        _ => throw new InvalidDataException($"{name} must be an array, not {Describe(value)}"),
    };

    private static void Each(JsonElement value, string name, Action<string?> add)
    {
        foreach (var item in Array(value, name))
        {
            add(Scalar(item, $"each item of {name}"));
        }
    }

    private static JsonElement Object(JsonElement value, string name, params string[] fields)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{name} must be an object with {string.Join(", ", fields)}, not {Describe(value)}");
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!fields.Contains(property.Name, StringComparer.Ordinal))
            {
                throw new InvalidDataException($"unknown field \"{ScannerText.Short(property.Name)}\" in {name} (expected {string.Join(", ", fields)})");
            }
        }

        return value;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static ReportFormatException NotGeneric(JsonTokenStream json, string why) =>
        json.Invalid($"not a valid Rampart generic JSON report: {why}");
}
