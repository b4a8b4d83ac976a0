using Microsoft.Extensions.DependencyInjection;

namespace Mamori.Training;

public static class TrainingServices
{
    /// <summary>Training sessions, confidentiality pledges and who is overdue.</summary>
    public static IServiceCollection AddMamoriTraining(this IServiceCollection services) => services.AddScoped<PeopleMeasures>();
}
