using Annotate.Export;
using Annotate.Agreement;
using Annotate.Annotations;
using Annotate.Codebook;
using Annotate.Collaboration;
using Annotate.Projects;
using Annotate.Corpus;
using Annotate.Data;
using Annotate.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Annotate.Hosting;

/// <summary>The Add* calls of Program.cs, one per feature.</summary>
internal static class ServiceSetup
{
    public static IServiceCollection AddAnnotateOptions(this IServiceCollection services)
    {
        services.AddOptions<AnnotateOptions>().BindConfiguration(AnnotateOptions.Section)
            .Validate(o => o.MaxFileSizeBytes > 0, "Annotate:MaxFileSizeBytes must be positive.")
            .Validate(o => o.TicketLifetimeDays is > 0 and <= 3650, "Annotate:TicketLifetimeDays must be between 1 and 3650 days.")
            .Validate(o => o.MaxHubConnectionsPerUser > 0, "Annotate:MaxHubConnectionsPerUser must be positive.")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        return services;
    }

    public static IServiceCollection AddAnnotateData(this IServiceCollection services)
    {
        services.AddSingleton(sp => new Db(sp.GetRequiredService<IOptions<AnnotateOptions>>().Value.DatabasePath));
        // Cookie keys live beside the database, so sessions survive a restart and every instance shares them.
        // With PostgreSQL there is no file to sit beside: they go to the default data folder (shared storage is up to the deployment).
        services.AddDataProtection().SetApplicationName("Annotate");
        // The folder is created 0700 before the repository would create it with the umask's mode (its files are 0600).
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<AnnotateOptions>>((keys, options) =>
        {
            var folder = options.Value.Keys ?? Path.Combine(Path.GetDirectoryName(KeysBeside(options.Value.DatabasePath))!, "keys");
            OwnerOnly.CreateFolder(folder);
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), NullLoggerFactory.Instance);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static string KeysBeside(string database) =>
        DatabaseTarget.IsPostgres(database) ? DefaultPaths.Database() : Path.GetFullPath(database);

    public static IServiceCollection AddAnnotateCorpus(this IServiceCollection services)
    {
        services.AddSingleton<CorpusStatus>();
        services.AddSingleton<CorpusStatusView>();
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<CodebookLoader>();
        services.AddSingleton<CodebookStore>();
        services.AddSingleton<DocumentStore>();
        services.AddSingleton<ArticleHtml>();
        services.AddSingleton<ReaderHtml>();
        services.AddSingleton<VersionTexts>();
        services.AddSingleton<CorpusWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<CorpusWatcher>());
        return services;
    }

    public static IServiceCollection AddAnnotateAnnotations(this IServiceCollection services)
    {
        services.AddSingleton<AnnotationStore>();
        services.AddSingleton<AnnotationReader>();
        services.AddSingleton<AnnotationWriter>();
        services.AddSingleton<Curation.GoldWriter>();
        services.AddSingleton<Curation.CurationReader>();
        services.AddSingleton<Curation.AcceptAgreed>();
        services.AddSingleton<AnnotationPublisher>();
        return services;
    }

    public static IServiceCollection AddAnnotateCollaboration(this IServiceCollection services, string? redis)
    {
        services.AddSingleton<ProjectStore>();
        services.AddSingleton<AnnotatorStore>();
        services.AddSingleton<ProjectMembers>();
        services.AddSingleton<ProjectAccess>();
        services.AddSingleton(sp => AccessMode.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<PresenceTracker>();
        services.AddSingleton<PresenceRoute>();
        services.AddSingleton<AgreementViewers>();
        services.AddSingleton<MembershipSweep>();
        services.AddSingleton<HubConnectionLimit>();
        services.AddSingleton<Classroom.ClassroomStore>();
        services.AddSingleton<Classroom.Assignments>();
        services.AddSingleton<Classroom.StudentTickets>();
        services.AddHostedService(sp => sp.GetRequiredService<MembershipSweep>());
        services.AddSingleton<VisibilityWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<VisibilityWatch>());
        services.AddSingleton<DocumentSessions>();
        services.AddSingleton<IAnnotationEvents, AnnotationBroadcaster>();
        services.AddSingleton<IDocumentEvents, DocumentBroadcaster>();
        // One guard for all calls, so each user's token bucket outlives a single invocation.
        services.AddSingleton<HubGuard>();
        services.AddSignalR(options =>
        {
            options.AddFilter<HubGuard>();
            // Larger messages close the connection before they are buffered: no call of ours needs more.
            options.MaximumReceiveMessageSize = 32 * 1024;
        }).AddAnnotateBackplane(redis);
        return services;
    }

    public static IServiceCollection AddAnnotateAgreement(this IServiceCollection services)
    {
        services.AddSingleton<AgreementStore>();
        services.AddSingleton<AgreementWorker>();
        services.AddSingleton<AgreementService>();
        services.AddSingleton<AgreementNotifier>();
        services.AddFiniteJsonNumbers();
        services.AddAnnotateExport();
        return services;
    }

    public static IServiceCollection AddAnnotateSessions(this IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<ApiTokens>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<SecurityStamps>();
        services.AddAuthentication(TokenAuthentication.Selector)
            .AddPolicyScheme(TokenAuthentication.Selector, "Session cookie or API token", options => options.ForwardDefaultSelector = TokenAuthentication.Select)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthentication>(TokenAuthentication.SchemeName, null)
            .AddCookie(options =>
        {
            options.Cookie.Name = "annotate.session";
            options.Cookie.HttpOnly = true;
            // Strict: the browser never sends the session on a request started by another site.
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromDays(30);
            options.SlidingExpiration = true;
            options.Events = new CookieAuthenticationEvents
            {
                // An API answers 401/403 with ProblemDetails; it never redirects to a login page.
                OnRedirectToLogin = context => context.HttpContext.WriteProblemAsync(StatusCodes.Status401Unauthorized, "Not signed in",
                    "Sign in with a display name first (POST /api/session)."),
                OnRedirectToAccessDenied = context => context.HttpContext.WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden",
                    "You may not do this."),
                // The cookie is checked against the person's security stamp on every request (cached for seconds): a
                // removed user, a signed-out cookie or one from before a password change or revoke is refused.
                OnValidatePrincipal = async context =>
                {
                    var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
                    if (!await stamps.IsCurrentAsync(context.Principal!, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                    }
                },
            };
        });
        services.AddAuthorization();
        services.AddSignInRateLimit();
        return services;
    }
}
