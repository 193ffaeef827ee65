using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Rampart.Web.Apis;

/// <summary>Names the API and declares the API-token scheme, so that clients and the reference page can use it.</summary>
public sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeName = "ApiToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info = new OpenApiInfo
        {
            Title = "Rampart API",
            Version = "v1",
            Description = "Threat and vulnerability management for AI systems: import scans, read prioritized findings. "
                + "Errors are RFC 9457 problem details. Authenticate with `Authorization: Bearer rpt_…` (`rampart token create`).",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API token from `rampart token create` (rpt_…).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
