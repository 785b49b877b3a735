import Testing
import TreDomain

@Suite struct ChildFriendlyRulesTests {
    /// Decision 06 with every weight confirmed, as an administrator leaves it.
    static var confirmedSet: CriteriaSet {
        var set = CriteriaSet.decision06of2019
        for index in set.criteria.indices { set.criteria[index].weightConfirmed = true }
        return set
    }

    /// Full marks on every criterion but `short` points off criterion 2.
    static func scores(_ set: CriteriaSet, short: Int = 0) -> [CriterionScore] {
        set.criteria.map { criterion in
            CriterionScore(
                number: criterion.number, points: criterion.maxPoints - (criterion.number == 2 ? short : 0), met: true)
        }
    }

    @Test func theSeededSetHasThirteenCriteriaOnAThousandPointsWithTheKnownWeightsConfirmed() {
        let set = CriteriaSet.decision06of2019
        #expect(set.criteria.map(\.number) == Array(1...13))
        #expect(set.maxTotal == 1000)
        #expect(set.criterion(1)?.maxPoints == 100 && set.criterion(6)?.maxPoints == 125)
        #expect(set.criterion(7)?.maxPoints == 50)
        #expect(set.unconfirmedCriteria == [2, 3, 4, 5, 8, 9, 10, 11, 12, 13])
    }

    @Test func aSetWithUnconfirmedWeightsRecognisesNobody() {
        let set = CriteriaSet.decision06of2019
        let result = RecognitionRule.evaluate(set, category: .other, scores: Self.scores(set))
        #expect(!result.recognised)
        #expect(result.shortfalls == [.unconfirmedWeights(set.unconfirmedCriteria)])
        #expect(result.shortfalls[0].message.vi.contains("chưa được xác nhận"))
    }

    @Test func theThresholdDependsOnTheCommuneCategory() {
        let set = Self.confirmedSet
        let strong = Self.scores(set, short: 60)  // 940 points
        #expect(RecognitionRule.evaluate(set, category: .cityWard, scores: strong).recognised)
        let lower = Self.scores(set, short: 71).map { score in
            score.number == 9 ? CriterionScore(number: 9, points: score.points - 60, met: true) : score
        }
        // 1000 − 71 − 60 = 869: enough for a mountain commune (800) and others (850), not a city ward (900).
        #expect(RecognitionRule.evaluate(set, category: .disadvantaged, scores: lower).recognised)
        #expect(RecognitionRule.evaluate(set, category: .other, scores: lower).recognised)
        let ward = RecognitionRule.evaluate(set, category: .cityWard, scores: lower)
        #expect(ward.shortfalls == [.belowThreshold(total: 869, threshold: 900)])
    }

    @Test func aCriterionNotMetOrScoredZeroBlocksRecognitionWhateverTheTotal() {
        let set = Self.confirmedSet
        var notMet = Self.scores(set)
        notMet[4].met = false
        #expect(RecognitionRule.evaluate(set, category: .disadvantaged, scores: notMet).shortfalls == [.notMet(5)])
        var zero = Self.scores(set)
        zero[6].points = 0
        let result = RecognitionRule.evaluate(set, category: .disadvantaged, scores: zero)
        #expect(result.total == 950 && result.shortfalls == [.zeroScore(7)])
        let missing = Array(Self.scores(set).dropLast())
        #expect(RecognitionRule.evaluate(set, category: .other, scores: missing).shortfalls.first == .unscored(13))
    }

    @Test func aSelfAssessmentIsSubmittedOnlyCompleteAndWithReasonsForChangedFigures() {
        let set = Self.confirmedSet
        var items = set.criteria.map { AssessmentItem(number: $0.number) }
        #expect(SelfAssessmentRules.submissionProblems(items, against: set).count == 13)
        for index in items.indices {
            items[index].points = set.criteria[index].maxPoints
            items[index].met = true
        }
        #expect(SelfAssessmentRules.submissionProblems(items, against: set).isEmpty)

        items[2] = AssessmentItem(number: 3, computedFigure: "12", computedHow: "per 100,000")
        items[2].points = 50
        items[2].met = true
        items[2].reportedFigure = "4"
        #expect(SelfAssessmentRules.submissionProblems(items, against: set) == [.overrideWithoutReason(3)])
        items[2].overrideReason = "Hai hồ sơ trùng nhau, đã hợp nhất"
        items[0].points = 101
        #expect(
            SelfAssessmentRules.submissionProblems(items, against: set) == [
                .pointsOutOfRange(criterion: 1, maximum: 100)
            ])
    }

    @Test func theProvincesAppraisalReplacesTheCommunesScore() {
        var item = AssessmentItem(number: 6)
        item.points = 125
        item.met = true
        #expect(item.score == CriterionScore(number: 6, points: 125, met: true))
        item.appraisedPoints = 90
        #expect(item.score == CriterionScore(number: 6, points: 90, met: true))
        item.appraisedMet = false
        #expect(item.score?.met == false)
    }

    @Test func statusesMoveOnlyForward() {
        #expect(SelfAssessmentRules.allows(.draft, to: .submitted))
        #expect(SelfAssessmentRules.allows(.submitted, to: .returned))
        #expect(SelfAssessmentRules.allows(.returned, to: .submitted))
        #expect(SelfAssessmentRules.allows(.submitted, to: .recognised))
        #expect(!SelfAssessmentRules.allows(.draft, to: .recognised))
        #expect(!SelfAssessmentRules.allows(.recognised, to: .returned))
        #expect(AssessmentStatus.returned.editableByCommune && !AssessmentStatus.submitted.editableByCommune)
    }
}
