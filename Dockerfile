# TaskChat.Web, built with the SDK and run on the ASP.NET runtime as a non-root user.
#   docker build -t taskchat .
#   docker run -p 8080:8080 -e JWT_SECRET=<32+ chars> -e DATABASE_URL=postgresql://... taskchat
# docker-compose.yml runs it with PostgreSQL and Redis.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the package layer is cached across code edits.
COPY Directory.Build.props Directory.Packages.props ./
COPY TaskChat.Web/TaskChat.Web.csproj TaskChat.Web/
RUN dotnet restore TaskChat.Web/TaskChat.Web.csproj

COPY TaskChat.Web/ TaskChat.Web/
RUN dotnet publish TaskChat.Web/TaskChat.Web.csproj --configuration Release --no-restore --output /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl for the health check; the runtime image has no HTTP client of its own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./

# The SQLite default (no DATABASE_URL) writes under App_Data; the non-root user must own it.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_NOLOGO=1
EXPOSE 8080

# APP_UID is the unprivileged "app" user the .NET images ship with.
USER $APP_UID

HEALTHCHECK --interval=10s --timeout=5s --start-period=20s --retries=5 \
    CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1

ENTRYPOINT ["dotnet", "TaskChat.Web.dll"]
