using PdfSharp.Drawing;

namespace Mamori.Documents;

/// <summary>
/// Breaks a line of text to a width for a PDF page. Japanese has no spaces to break at, so a line breaks at whichever
/// character would overflow (every line holds at least one character).
/// </summary>
public static class TextWrap
{
    public static IEnumerable<string> Lines(XGraphics measure, string line, XFont font, double width)
    {
        var start = 0;
        double used = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var w = measure.MeasureString(line[i].ToString(), font).Width;
            if (used + w > width && i > start)
            {
                yield return line[start..i];
                start = i;
                used = 0;
            }
            used += w;
        }
        yield return line[start..];
    }
}
