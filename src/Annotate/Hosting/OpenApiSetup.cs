using Microsoft.OpenApi;

namespace Annotate.Hosting;

/// <summary>
/// The OpenAPI document at /openapi/v1.json, as clients should read it. The front end's wire types are checked
/// against it (tests/Annotate.Tests/Frontend/WireTypesTests.cs).
/// </summary>
internal static class OpenApiSetup
{
    public static IServiceCollection AddAnnotateOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // The web JSON defaults also read numbers written as strings, so the generator types every number
            // "integer or string" with a digits pattern. The app always writes numbers: document what it sends.
            if (schema.Type is { } type && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && (type & JsonSchemaType.String) != 0)
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            // Doubles go through FiniteNumbers (Agreement/AgreementJson.cs), a custom converter the generator cannot
            // see into, so they come out untyped: it writes a number, or null for NaN and infinities.
            if (schema.Type is null && (context.JsonTypeInfo.Type == typeof(double) || context.JsonTypeInfo.Type == typeof(double?)))
            {
                schema.Type = JsonSchemaType.Number | JsonSchemaType.Null;
            }

            // The request reads attribution.span only to refuse it with a pointer to said-by relations
            // (AnnotationValidator): not a field to send, so not documented as one.
            if (context.JsonTypeInfo.Type == typeof(Annotations.AttributionRequest))
            {
                schema.Properties?.Remove("span");
            }

            return Task.CompletedTask;
        }));
}
