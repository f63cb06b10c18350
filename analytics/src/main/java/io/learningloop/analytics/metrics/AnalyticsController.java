package io.learningloop.analytics.metrics;

import io.learningloop.analytics.metrics.Reports.ConversionReport;
import io.learningloop.analytics.metrics.Reports.LatencyReport;
import io.learningloop.analytics.metrics.Reports.PracticesReport;
import io.learningloop.infra.http.QueryParameters;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** GET /analytics/latency, /analytics/conversion and /analytics/practices, for an org unit, category and period. */
@RestController
class AnalyticsController {

    private final LearningMetrics metrics;

    AnalyticsController(LearningMetrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping("/analytics/latency")
    LatencyReport latency(@RequestParam(required = false) String orgUnit,
                          @RequestParam(required = false) String category,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return metrics.latency(cohort(orgUnit, category, from, to));
    }

    @GetMapping("/analytics/conversion")
    ConversionReport conversion(@RequestParam(required = false) String orgUnit,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return metrics.conversion(cohort(orgUnit, null, from, to));
    }

    @GetMapping("/analytics/practices")
    PracticesReport practices(@RequestParam(required = false) String orgUnit,
                              @RequestParam(required = false) String category,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to)
            throws IOException {
        return metrics.practices(cohort(orgUnit, category, from, to));
    }

    private static Cohort cohort(String orgUnit, String category, LocalDate from, LocalDate to) {
        QueryParameters.check(orgUnit, category, from, to);
        return new Cohort(orgUnit, category, from, to);
    }
}
