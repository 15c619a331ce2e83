using System.Globalization;
using System.Text.Json;
using Logfold.Contracts;

namespace Logfold.Serialization.Json;

/// <summary>Builds the <see cref="RecordFormatException"/>s the JSON codecs throw. Messages never quote the payload.</summary>
internal static class JsonRecordErrors
{
    public static RecordFormatException Invalid(string what, long position, Exception inner) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The record is not valid {what} JSON (near byte {position}): {Describe(inner)}"), inner);

    public static RecordFormatException Invalid(string what, long position, string reason) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The record is not valid {what} JSON (near byte {position}): {reason}"));

    public static RecordFormatException TooLarge(string what, int length, int limit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"The {what} record is {length} bytes; the limit is {limit}."));

    private static string Describe(Exception e) => e switch
    {
        // JsonException messages describe the token and position, never the surrounding text.
        JsonException => e.Message,
        FormatException => "a value has the wrong format.",
        InvalidOperationException => "a value has the wrong type or is not valid UTF-8.",
        _ => e.GetType().Name,
    };
}
