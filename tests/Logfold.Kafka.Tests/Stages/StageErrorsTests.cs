using Logfold.Contracts;
using Logfold.Processing.Enrich;
using Logfold.Processing.Pipeline;
using Logfold.Processing.Stages;

namespace Logfold.Kafka.Tests.Stages;

public sealed class StageErrorsTests
{
    public static TheoryData<Exception, ErrorCategory, string> Cases => new()
    {
        { new StageException(ErrorCategory.Transient, "lookup_timeout", "x"), ErrorCategory.Transient, "lookup_timeout" },
        { new RecordFormatException("bad"), ErrorCategory.Data, "invalid_record" },
        { new TimeoutException(), ErrorCategory.Transient, StageErrors.ExceptionReason },
        { new IOException(), ErrorCategory.Transient, StageErrors.ExceptionReason },
        { new EnrichmentDataException("bad file"), ErrorCategory.Config, StageErrors.ExceptionReason },
        { new InvalidOperationException(), ErrorCategory.System, StageErrors.ExceptionReason },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_Exception_MapsToCategoryAndReason(Exception exception, ErrorCategory category, string reason)
    {
        Assert.Equal(category, StageErrors.Classify(exception));
        Assert.Equal(reason, StageErrors.ReasonOf(exception));
    }
}
