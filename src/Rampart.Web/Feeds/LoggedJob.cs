using Quartz;

namespace Rampart.Web.Feeds;

/// <summary>
/// Base of Rampart's scheduled jobs: a failure is logged with the job's name and the next run tries again; it never
/// escapes into the scheduler (where an unhandled exception would only be logged by Quartz, without our context).
/// </summary>
public abstract class LoggedJob(ILogger logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Job {Job} was stopped (the host is shutting down)", context.JobDetail.Key);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogError(ex, "Job {Job} failed; it runs again at its next scheduled time", context.JobDetail.Key);
        }
    }

    /// <summary>The job's work.</summary>
    public abstract Task RunAsync(CancellationToken cancellationToken);
}
