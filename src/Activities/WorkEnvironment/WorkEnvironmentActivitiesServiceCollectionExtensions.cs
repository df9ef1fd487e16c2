using Microsoft.Extensions.DependencyInjection;
using RJH.DeviceWorkflows.Engine.Activities;

namespace RJH.DeviceWorkflows.Activities.WorkEnvironment;

public static class WorkEnvironmentActivitiesServiceCollectionExtensions
{
    /// <summary>The inline activities over risk assessments and remote-work agreements; they need AddWorkEnvironment.</summary>
    public static IServiceCollection AddWorkEnvironmentActivities(this IServiceCollection services)
    {
        services.AddTransient<AssessmentContent>();
        services.AddActivity<CreateRiskAssessmentActivity>();
        services.AddActivity<SubmitRiskAssessmentActivity>();
        services.AddActivity<SignOffRiskAssessmentActivity>();
        services.AddActivity<ReviseRiskAssessmentActivity>();
        services.AddActivity<CreateAgreementActivity>();
        services.AddActivity<SaveAgreementDraftActivity>();
        services.AddActivity<ApproveAgreementActivity>();
        services.AddActivity<SignAgreementActivity>();
        services.AddActivity<RecordAgreementFollowUpActivity>();
        services.AddActivity<TerminateAgreementActivity>();
        services.AddActivity<EndAgreementActivity>();
        return services;
    }
}
