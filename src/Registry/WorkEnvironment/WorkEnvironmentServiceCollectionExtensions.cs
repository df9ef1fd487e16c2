using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RJH.DeviceWorkflows.Data;
using RJH.DeviceWorkflows.Registry.Audit;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.Persistence;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.PersonalNumbers;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RemoteWork;
using RJH.DeviceWorkflows.Registry.WorkEnvironment.RiskAssessments;

namespace RJH.DeviceWorkflows.Registry.WorkEnvironment;

public static class WorkEnvironmentServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRiskAssessmentService"/>, <see cref="IRemoteWorkAgreementService"/> and an <see cref="IAuditSource"/>
    /// on the configured database (<c>Database:Provider</c>, connection string <c>Default</c>). They need an
    /// <see cref="IRegisterDirectory"/> from the container (the register registers it) and ASP.NET Data Protection
    /// (added here if missing; the host decides where the key ring lives — lose it and stored personnummer are lost).
    /// </summary>
    public static IServiceCollection AddWorkEnvironment(this IServiceCollection services, IConfiguration configuration)
    {
        var database = DatabaseOptions.From(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(database.ConnectionString);
        _ = database.Kind switch
        {
            DatabaseKind.Sqlite => services.AddProductContext<WorkEnvironmentDbContext, SqliteWorkEnvironmentDbContext>(database, joinCommand: true),
            DatabaseKind.PostgreSql => services.AddProductContext<WorkEnvironmentDbContext, PostgresWorkEnvironmentDbContext>(database, joinCommand: true),
            _ => services.AddProductContext<WorkEnvironmentDbContext, SqlServerWorkEnvironmentDbContext>(database, joinCommand: true),
        };
        services.AddDataProtection();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new PersonalNumberProtector(sp.GetRequiredService<IDataProtectionProvider>()));
        // Scoped, and built by factories: the directory may be scoped, and until the register is merged it may be
        // missing, which must fail a request that needs it, not the host's start-up validation.
        services.AddScoped<IRiskAssessmentService>(sp => new RiskAssessmentService(
            sp.GetRequiredService<IDbContextFactory<WorkEnvironmentDbContext>>(), sp.GetRequiredService<IRegisterDirectory>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IRemoteWorkAgreementService>(sp => new RemoteWorkAgreementService(
            sp.GetRequiredService<IDbContextFactory<WorkEnvironmentDbContext>>(), sp.GetRequiredService<IRegisterDirectory>(),
            sp.GetRequiredService<PersonalNumberProtector>(), sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<IAuditSource>(sp => new WorkEnvironmentAuditSource(
            sp.GetRequiredService<IDbContextFactory<WorkEnvironmentDbContext>>(), sp.GetRequiredService<IRegisterDirectory>()));
        return services;
    }


    /// <summary>Brings the work-environment tables to the current schema.</summary>
    public static Task MigrateWorkEnvironmentAsync(this IServiceProvider services, CancellationToken ct = default)
        => services.MigrateProductContextAsync<WorkEnvironmentDbContext>(ct);
}
