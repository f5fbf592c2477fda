
namespace TaskChat.Web.Tasks;

public static class TaskRules
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
}
