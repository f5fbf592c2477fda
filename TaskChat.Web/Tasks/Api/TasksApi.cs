using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks.Api;

internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        // Every route acts on the signed-in user's own tasks; another user's number is a 404.
        var tasks = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization();
        tasks.MapGet("/", ListAsync);
        tasks.MapGet("/{number:int}", GetAsync);
        tasks.MapPost("/", CreateAsync);
        tasks.MapPatch("/{number:int}", UpdateAsync);
        tasks.MapDelete("/{number:int}", DeleteAsync);
        tasks.MapPost("/{number:int}/restore", RestoreAsync);

        app.MapGroup("/api/v1/lists").WithTags("Tasks").RequireAuthorization()
            .MapGet("/", ListsAsync);
        return app;
    }

    private static async Task<Results<Ok<IEnumerable<TaskDto>>, ValidationProblem>> ListAsync(
        string? status, string? list, string? due, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        var errors = TaskFilter.TryParse(status, list, due, out var filter);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await tasks.ListAsync(user.GetUserId(), filter, cancellationToken);
        return TypedResults.Ok(found.Select(TaskDto.From));
    }

    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> GetAsync(
        int number, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        await tasks.FindAsync(user.GetUserId(), number, cancellationToken) is { } task
            ? TypedResults.Ok(TaskDto.From(task))
            : NotFound(TaskResult.NotFound(number));

    private static async Task<Results<Created<TaskDto>, ValidationProblem>> CreateAsync(
        CreateTaskRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        var result = await tasks.CreateAsync(user.GetUserId(), request.ToInput(), cancellationToken);
        return result.Task is { } task
            ? TypedResults.Created($"/api/v1/tasks/{task.Number}", TaskDto.From(task))
            : TypedResults.ValidationProblem(result.Errors!);
    }

    private static async Task<Results<Ok<TaskDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int number, UpdateTaskRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        var result = await tasks.UpdateAsync(user.GetUserId(), number, request.ToChanges(), cancellationToken);
        return result.Task is { } task ? TypedResults.Ok(TaskDto.From(task)) : Failure<Ok<TaskDto>>(result);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        int number, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        var result = await tasks.DeleteAsync(user.GetUserId(), number, cancellationToken);
        return result.Task is not null ? TypedResults.NoContent() : NotFound(result);
    }

    /// <summary>Undo of a delete: the same task, number and all, if it was deleted within the last few minutes.</summary>
    private static async Task<Results<Ok<TaskDto>, ProblemHttpResult>> RestoreAsync(
        int number, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken)
    {
        var result = await tasks.RestoreAsync(user.GetUserId(), number, cancellationToken);
        return result.Task is { } task
            ? TypedResults.Ok(TaskDto.From(task))
            : TypedResults.Problem($"There is no recently deleted task {number} to restore.", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<IEnumerable<TaskListDto>>> ListsAsync(ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        TypedResults.Ok((await tasks.ListsAsync(user.GetUserId(), cancellationToken)).Select(l => new TaskListDto(l.Name, l.OpenCount)));

    private static ProblemHttpResult NotFound(TaskResult result) =>
        TypedResults.Problem(result.Error, statusCode: StatusCodes.Status404NotFound);

    private static Results<TSuccess, ValidationProblem, ProblemHttpResult> Failure<TSuccess>(TaskResult result)
        where TSuccess : IResult =>
        result.IsNotFound ? NotFound(result) : TypedResults.ValidationProblem(result.Errors!);
}
