import Testing
import BrainIngest

@Suite struct USCCTests {
    /// Codes published on the firms' own business licences (华为技术, 深圳市腾讯计算机系统, 阿里巴巴(中国)).
    @Test(arguments: ["914403001922038216", "91440300708461136T", "91330100799655058B"])
    func realCodesValidate(code: String) {
        #expect(USCC.validate(code) == .success(code))
        #expect(USCC.validate(" " + code.lowercased() + " ") == .success(code))
    }

    @Test func fullWidthCharactersAreFolded() {
        #expect(USCC.validate("９１４４０３００１９２２０３８２１６") == .success("914403001922038216"))
    }

    @Test func wrongCheckCharacterIsRejectedWithTheExpectedOne() {
        #expect(USCC.validate("914403001922038217") == .failure(.checkCharacter(expected: "6", found: "7")))
    }

    @Test func lengthAndAlphabetAreChecked() {
        #expect(USCC.validate("91440300192203821") == .failure(.length(17)))
        #expect(USCC.validate("9144030019220382I6") == .failure(.character("I", position: 17)))
        #expect(USCC.validate("91440300192203821O") == .failure(.character("O", position: 18)))
    }

    @Test func registrationRegionIsPositionsThreeToEight() {
        #expect(USCC.regionCode(of: "914403001922038216") == "440300")
    }
}

@Suite struct DateValueTests {
    @Test(arguments: ["2019-06-10", "2019/6/10", "2019.6.10", "2019年6月10日", "20190610", "２０１９年６月１０日", "2019-06-10 00:00:00", "43626"])
    func usualFormsReadTheSameDay(text: String) {
        #expect(DateValue.parse(text) == .success("2019-06-10"))
    }

    @Test func excelSerialsAroundTheFictitiousLeapDay() {
        #expect(DateValue.parse("1") == .success("1900-01-01"))
        #expect(DateValue.parse("59") == .success("1900-02-28"))
        #expect(DateValue.parse("60") == .failure(.excelLeapYearBug))
        #expect(DateValue.parse("61") == .success("1900-03-01"))
    }

    @Test func impossibleAndUnreadableDatesAreRejected() {
        #expect(DateValue.parse("2019-02-29") == .failure(.impossible("2019-02-29")))
        #expect(DateValue.parse("2020-02-29") == .success("2020-02-29"))
        #expect(DateValue.parse("20191310") == .failure(.impossible("20191310")))
        #expect(DateValue.parse("去年六月") == .failure(.unreadable("去年六月")))
        #expect(DateValue.parse("10/6/2019") == .failure(.unreadable("10/6/2019")))
    }
}

@Suite struct MoneyTests {
    @Test func unitsAndCurrencies() throws {
        #expect(try Money.parse("500万元").get() == Money(amount: 5_000_000, currency: "CNY"))
        #expect(try Money.parse("1.2亿").get() == Money(amount: 120_000_000, currency: "CNY"))
        #expect(try Money.parse("100万美元").get() == Money(amount: 1_000_000, currency: "USD"))
        #expect(try Money.parse("5,000,000").get() == Money(amount: 5_000_000, currency: "CNY"))
        #expect(try Money.parse("50 万 港元").get() == Money(amount: 500_000, currency: "HKD"))
        #expect(try Money.parse("300(万新加坡元)").get() == Money(amount: 3_000_000, currency: "SGD"))
        #expect(try Money.parse("55656.5077", defaultMultiplier: 10_000).get().wan == 55656.5077)
    }

    @Test func nonsenseIsRejected() {
        #expect(Money.parse("若干") == .failure(.unreadable("若干")))
        #expect(Money.parse("-5万元") == .failure(.unreadable("-5万元")))
        #expect(Money.parse("") == .failure(.unreadable("")))
    }
}
