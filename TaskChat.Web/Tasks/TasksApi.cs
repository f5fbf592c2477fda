using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TaskChat.Web.Identity;

namespace TaskChat.Web.Tasks;

internal static class TasksApi
{
    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tasks").WithTags("Tasks").RequireAuthorization();

        group.MapGet("/", async (ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
            TypedResults.Ok((await tasks.ListAsync(user.GetUserId(), cancellationToken: cancellationToken)).Select(TaskDto.From)));

        group.MapGet("/{number:int}", async Task<Results<Ok<TaskDto>, ProblemHttpResult>> (
            int number, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
            await tasks.FindAsync(user.GetUserId(), number, cancellationToken) is { } task
                ? TypedResults.Ok(TaskDto.From(task))
                : TypedResults.Problem(TaskResult.NotFound(number).Error, statusCode: StatusCodes.Status404NotFound));

        group.MapPost("/", async Task<Results<Created<TaskDto>, ValidationProblem>> (
            CreateTaskRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        {
            var result = await tasks.CreateAsync(user.GetUserId(), request.Title, request.Description, cancellationToken);
            return result.Task is { } task
                ? TypedResults.Created($"/api/v1/tasks/{task.Number}", TaskDto.From(task))
                : TypedResults.ValidationProblem(result.Errors!);
        });

        group.MapPatch("/{number:int}", async Task<Results<Ok<TaskDto>, ValidationProblem, ProblemHttpResult>> (
            int number, UpdateTaskRequest request, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        {
            var result = await tasks.UpdateAsync(
                user.GetUserId(), number, request.Title, request.Description, request.IsCompleted, cancellationToken);
            return result.Task is { } task ? TypedResults.Ok(TaskDto.From(task)) : Failure<Ok<TaskDto>>(result);
        });

        group.MapDelete("/{number:int}", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (
            int number, ClaimsPrincipal user, TaskService tasks, CancellationToken cancellationToken) =>
        {
            var result = await tasks.DeleteAsync(user.GetUserId(), number, cancellationToken);
            return result.Task is not null ? TypedResults.NoContent() : Failure<NoContent>(result);
        });

        return app;
    }

    private static Results<TSuccess, ValidationProblem, ProblemHttpResult> Failure<TSuccess>(TaskResult result)
        where TSuccess : IResult
    {
        if (result.IsNotFound)
        {
            return TypedResults.Problem(result.Error, statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.ValidationProblem(result.Errors!);
    }
}
