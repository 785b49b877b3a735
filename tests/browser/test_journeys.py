"""What a person does first with Tre: fail to sign in, sign in, replace the temporary password,
switch language. The journeys run in file order against one server: the first administrator's
temporary password is replaced in the second and used from then on."""
import io
import os
import tempfile
import urllib.request

import openpyxl
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ADMIN_PASSWORD, BASE_URL, RECOVERY_CODES, SECRETS, fresh_code

NEW_PASSWORD = ADMIN_PASSWORD + "-moi"


def and_wait_for_the_next_page(browser, action):
    """Runs an action that loads a page, and returns once the next page has loaded: without this a lookup
    can find an element of the page being left (the password page has its own notice) and go stale.
    The old page is marked in its window object, which a new document does not have; asking an element
    of the old page whether it is stale instead can fail with Chromium's own error mid-navigation."""
    browser.execute_script("window.treLeaving = true")
    action()
    WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(
        lambda b: b.execute_script("return window.treLeaving !== true && document.readyState === 'complete'")
    )


def click(browser, element_id):
    and_wait_for_the_next_page(browser, browser.find_element(By.ID, element_id).click)


def sign_in(browser, username, password, code=None):
    """Signs in; an account with a second factor then gets a fresh code of its secret (or `code`)."""
    browser.get(BASE_URL + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    field = browser.find_element(By.ID, "password")
    field.send_keys(password)
    # keyboard only, as a person on a phone keyboard would
    and_wait_for_the_next_page(browser, lambda: field.send_keys(Keys.ENTER))
    if browser.current_url == BASE_URL + "/login/code" and (code or username in SECRETS):
        enter_code(browser, code or fresh_code(username))


def enter_code(browser, code):
    field = browser.find_element(By.ID, "code")
    field.send_keys(code)
    and_wait_for_the_next_page(browser, lambda: field.send_keys(Keys.ENTER))


def enrol_second_factor(browser, username):
    """On the enrolment page: read the secret as a person would type it into an app, confirm a code,
    keep the recovery codes shown once."""
    assert browser.current_url == BASE_URL + "/account/second-factor"
    secret = browser.find_element(By.ID, "totp-secret").text.replace(" ", "")
    assert browser.find_element(By.ID, "totp-uri").text.startswith(f"otpauth://totp/Tre%3A{username}?secret={secret}")
    SECRETS[username] = secret
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the enrolment page is {overflow}px wider than the phone"
    browser.find_element(By.ID, "code").send_keys(fresh_code(username))
    click(browser, "confirm-code")
    codes = [item.text for item in browser.find_elements(By.CSS_SELECTOR, "#recovery-codes li")]
    assert len(codes) == 10
    RECOVERY_CODES[username] = codes


def test_a_wrong_password_is_refused_in_vietnamese(browser):
    sign_in(browser, "admin", "khong-phai-mat-khau")
    error = browser.find_element(By.ID, "login-error")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in error.text
    assert browser.find_element(By.ID, "username").get_attribute("value") == "admin"
    assert browser.current_url.startswith(BASE_URL + "/login")


def test_the_first_administrator_must_replace_the_temporary_password(browser):
    sign_in(browser, "admin", ADMIN_PASSWORD)
    assert browser.current_url == BASE_URL + "/account/password"
    assert browser.find_element(By.ID, "must-change").is_displayed()
    browser.get(BASE_URL + "/admin/users")
    assert browser.current_url == BASE_URL + "/account/password", "nothing else opens before the change"

    browser.find_element(By.ID, "currentPassword").send_keys(ADMIN_PASSWORD)
    browser.find_element(By.ID, "newPassword").send_keys(NEW_PASSWORD)
    browser.find_element(By.ID, "confirmPassword").send_keys(NEW_PASSWORD)
    click(browser, "save-password")

    # An administrator sees every child's file: a second factor before anything else.
    assert browser.current_url == BASE_URL + "/account/second-factor"
    assert browser.find_element(By.ID, "second-factor-required").is_displayed()
    browser.get(BASE_URL + "/admin/users")
    assert browser.current_url == BASE_URL + "/account/second-factor", "nothing else opens before enrolment"
    enrol_second_factor(browser, "admin")

    browser.get(BASE_URL + "/")
    assert "Quản trị hệ thống" in browser.find_element(By.ID, "home-role").text
    click(browser, "sign-out")
    assert browser.current_url.startswith(BASE_URL + "/login")


def test_the_administrator_signs_in_with_a_code_and_once_with_a_recovery_code(browser):
    sign_in(browser, "admin", NEW_PASSWORD, code="000000")
    assert browser.current_url == BASE_URL + "/login/code"
    assert "Mã xác thực không đúng" in browser.find_element(By.ID, "code-error").text
    enter_code(browser, fresh_code("admin"))
    assert "Quản trị hệ thống" in browser.find_element(By.ID, "home-role").text
    browser.get(BASE_URL + "/account/sessions")
    assert "Phiên này" in browser.find_element(By.ID, "sessions").text
    click(browser, "sign-out")

    recovery = RECOVERY_CODES["admin"].pop()
    sign_in(browser, "admin", NEW_PASSWORD, code=recovery)
    assert "Quản trị hệ thống" in browser.find_element(By.ID, "home-role").text
    click(browser, "sign-out")
    sign_in(browser, "admin", NEW_PASSWORD, code=recovery)
    assert browser.current_url == BASE_URL + "/login/code", "a recovery code works once"


def test_the_language_switch_is_remembered(browser):
    sign_in(browser, "admin", NEW_PASSWORD)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    click(browser, "language-switch")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Administrator" in browser.find_element(By.ID, "home-role").text
    browser.get(BASE_URL + "/admin/users")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Accounts"
    click(browser, "language-switch")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tài khoản"


def test_pages_fit_a_360_pixel_phone(browser):
    sign_in(browser, "admin", NEW_PASSWORD)
    for path in ("/", "/admin/users", "/admin/users/new", "/audit", "/admin/days-off", "/admin/topics",
                 "/account/sessions", "/account/second-factor"):
        browser.get(BASE_URL + path)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"


def test_a_commune_officer_registers_a_child_and_finds_it_without_accents(browser):
    # The administrator creates the officer's account, with a temporary password.
    sign_in(browser, "admin", NEW_PASSWORD)
    browser.get(BASE_URL + "/admin/users/new")
    browser.find_element(By.ID, "username").send_keys("xa.badinh")
    browser.find_element(By.ID, "fullName").send_keys("Lê Thị Hoa")
    browser.find_element(By.ID, "password").send_keys("mat-khau-tam-thoi")
    Select(browser.find_element(By.ID, "role")).select_by_value("commune_officer")
    choose_commune_by_typing(browser, "ba dinh", 4)  # by name, as the administrator knows it
    click(browser, "save-account")
    assert "Lê Thị Hoa" in browser.find_element(By.TAG_NAME, "h1").text
    click(browser, "sign-out")

    # The officer replaces it, then registers a child.
    sign_in(browser, "xa.badinh", "mat-khau-tam-thoi")
    browser.find_element(By.ID, "currentPassword").send_keys("mat-khau-tam-thoi")
    browser.find_element(By.ID, "newPassword").send_keys("mat-khau-cua-hoa-2026")
    browser.find_element(By.ID, "confirmPassword").send_keys("mat-khau-cua-hoa-2026")
    click(browser, "save-password")
    browser.get(BASE_URL + "/children/new")
    browser.find_element(By.ID, "fullName").send_keys("Đặng Thị Hương")
    browser.find_element(By.ID, "sex-female").click()
    browser.find_element(By.ID, "dateOfBirth").send_keys("05/09/2015")
    browser.find_element(By.ID, "caregiver0Name").send_keys("Nguyễn Thị Mai")
    browser.find_element(By.ID, "caregiver0Phone").send_keys("0912 345 678")
    Select(browser.find_element(By.ID, "caregiver0Relation")).select_by_value("mother")
    click(browser, "save-child")
    assert browser.find_element(By.ID, "child-name").text == "Đặng Thị Hương"
    assert "Tạo hồ sơ trẻ em" in browser.find_element(By.ID, "timeline").text  # the history in words

    # And finds her by typing the name without accents.
    browser.get(BASE_URL + "/children")
    search = browser.find_element(By.ID, "q")
    search.send_keys("dang thi huong")
    and_wait_for_the_next_page(browser, lambda: search.send_keys(Keys.ENTER))
    assert "Đặng Thị Hương" in browser.find_element(By.ID, "children").text


def test_a_hotline_report_lands_in_the_commune_inbox_with_its_twelve_hour_clock(browser):
    # The administrator creates a hotline counsellor's account.
    sign_in(browser, "admin", NEW_PASSWORD)
    browser.get(BASE_URL + "/admin/users/new")
    browser.find_element(By.ID, "username").send_keys("tongdai.an")
    browser.find_element(By.ID, "fullName").send_keys("Võ Thành An")
    browser.find_element(By.ID, "password").send_keys("mat-khau-tam-thoi")
    Select(browser.find_element(By.ID, "role")).select_by_value("hotline_counsellor")
    click(browser, "save-account")
    click(browser, "sign-out")

    # The counsellor takes a call: the father is suspected, so the 12-hour clock applies.
    sign_in(browser, "tongdai.an", "mat-khau-tam-thoi")
    browser.find_element(By.ID, "currentPassword").send_keys("mat-khau-tam-thoi")
    browser.find_element(By.ID, "newPassword").send_keys("mat-khau-tong-dai-111")
    browser.find_element(By.ID, "confirmPassword").send_keys("mat-khau-tong-dai-111")
    click(browser, "save-password")
    enrol_second_factor(browser, "tongdai.an")
    click(browser, "sign-out")
    for size, child in (((360, 800), "Lò Thị Mây"), ((1280, 900), "Hà Văn Tùng")):
        browser.set_window_size(*size)
        report_and_take_the_case(browser, child)
    browser.set_window_size(360, 780)


def choose_commune_by_typing(browser, typed, code):
    """Types part of a commune's name without accents and picks it from the matches, as a counsellor would."""
    field = browser.find_element(By.ID, "communeQuery")
    field.clear()
    field.send_keys(typed)
    choice = WebDriverWait(browser, 10).until(lambda b: b.find_element(By.ID, f"commune-{code}"))
    choice.click()


def report_and_take_the_case(browser, child):
    """A counsellor reports a child's case by choosing the commune by name; the commune officer finds it
    by its number and child, takes the step due first, and corrects it."""
    sign_in(browser, "tongdai.an", "mat-khau-tong-dai-111")
    browser.get(BASE_URL + "/reports/new")
    Select(browser.find_element(By.ID, "channel")).select_by_value("phone_111")
    choose_commune_by_typing(browser, "ba dinh", 4)
    assert "Phường Ba Đình — Thành phố Hà Nội" in browser.find_element(By.ID, "commune-matches").text
    browser.find_element(By.ID, "newChildName").send_keys(child)
    browser.find_element(By.ID, "newChildBirth").send_keys("8")
    browser.find_element(By.ID, "abuse-violence").click()
    browser.find_element(By.ID, "abuserIsCarer").click()  # the father is suspected: the 12-hour clock applies
    browser.find_element(By.ID, "description").send_keys("Cô giáo gọi: trẻ lớp 3 có nhiều vết bầm, nói bị bố đánh.")
    browser.find_element(By.ID, "reporterName").send_keys("Đoàn Thị Hạnh")
    browser.find_element(By.ID, "reporterAgreesToContact").click()  # the teacher agrees to be called back
    click(browser, "save-report")
    assert browser.find_element(By.ID, "case-status").text == "Đã tiếp nhận"
    assert "còn 11 giờ" in browser.find_element(By.ID, "case-clock").text
    heading = browser.find_element(By.TAG_NAME, "h1").text
    assert heading.startswith("Vụ việc số 00004-") and heading.endswith(child), heading
    number = heading.split(" · ")[0].replace("Vụ việc số ", "")
    click(browser, "sign-out")

    # The commune officer finds it in her inbox and her notifications by its number and child.
    sign_in(browser, "xa.badinh", "mat-khau-cua-hoa-2026")
    browser.get(BASE_URL + "/cases")
    row = browser.find_element(By.XPATH, f"//table[@id='cases']//tr[.//a[text()='{number}']]")
    assert child in row.text and "Can thiệp khẩn cấp (12 giờ)" in row.text and "còn 11 giờ" in row.text
    browser.get(BASE_URL + "/notifications")
    assert any(number in line.text and child in line.text
               for line in browser.find_elements(By.CSS_SELECTOR, "#notifications li, #notifications tr"))
    browser.get(BASE_URL + "/cases")
    click_link = browser.find_element(By.LINK_TEXT, number)
    and_wait_for_the_next_page(browser, click_link.click)
    assert "Đoàn Thị Hạnh" in browser.page_source, "the reporter agreed: the commune's officer knows who reported"
    # The step due comes first, unfolded, above the report's facts.
    form = browser.find_element(By.ID, "step-initial-assessment")
    assert form.is_displayed()
    assert form.location["y"] < browser.find_element(By.CSS_SELECTOR, "dl.facts").location["y"]
    Select(browser.find_element(By.ID, "step-initial-assessment-risk")).select_by_value("low")
    browser.find_element(By.ID, "step-initial-assessment-reasons").send_keys("Vết bầm nhẹ ở tay")
    click(browser, "step-initial-assessment-save")
    assert "Đã lưu: Đánh giá nguy cơ ban đầu (Mẫu 02)" in browser.page_source
    # The risk was rated too low: the officer corrects the saved step, giving the reason.
    browser.find_element(By.CSS_SELECTOR, "details.step-record summary").click()
    browser.find_element(By.CSS_SELECTOR, "details.correction summary").click()
    Select(browser.find_element(By.ID, "correct-initial-assessment-risk")).select_by_value("high")
    browser.find_element(By.ID, "correct-initial-assessment-serious").click()
    browser.find_element(By.ID, "correct-initial-assessment-reason").send_keys("Ghi nhầm mức độ nguy cơ")
    click(browser, "correct-initial-assessment-save")
    assert "Đã sửa: Ghi nhầm mức độ nguy cơ" in browser.page_source
    assert browser.find_element(By.ID, "step-emergency-measures").is_displayed(), "the emergency step is now due"
    for path in ("/cases", "/reports/new", browser.current_url.replace(BASE_URL, "")):
        browser.get(BASE_URL + path)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the window"
    click(browser, "sign-out")


def test_a_counsellor_logs_a_call_with_the_keyboard_only_and_a_draft_survives_a_reload(browser):
    sign_in(browser, "tongdai.an", "mat-khau-tong-dai-111")
    browser.get(BASE_URL + "/hotline")
    typing = browser.switch_to.active_element
    assert typing.get_attribute("id") == "callerIdentifier", "the console starts in the caller's number"

    def press(*keys):
        browser.switch_to.active_element.send_keys(*keys)

    press("0987 111 222")
    press(Keys.TAB)                      # channel: phone 111 already chosen
    press(Keys.TAB, "n")                 # caller: "Người lớn gọi về trẻ"
    press(Keys.TAB, "n")                 # child's sex: "Nữ"
    press(Keys.TAB, Keys.TAB, Keys.TAB)  # age band, province: not known
    press(Keys.ARROW_DOWN)               # the first topic
    press(Keys.TAB, "đ")                 # outcome: "Đã tư vấn"
    press(Keys.TAB, "Mẹ hỏi cách giúp con bị bắt nạt ở trường")
    and_wait_for_the_next_page(browser, lambda: press(Keys.CONTROL, Keys.ENTER))
    assert "Đã lưu cuộc gọi" in browser.find_element(By.CSS_SELECTOR, "p.notice").text
    click(browser, "saved-contact")
    page = browser.find_element(By.TAG_NAME, "main").text
    for expected in ("0987111222", "Người lớn gọi về trẻ", "Đã tư vấn", "Mẹ hỏi cách giúp con bị bắt nạt"):
        assert expected in page

    # A tab that dies mid-call: the draft is there when the console opens again.
    browser.get(BASE_URL + "/hotline")
    press("0911 000 111")
    browser.find_element(By.ID, "notes").send_keys("Cuộc gọi đang dở")
    browser.get(BASE_URL + "/hotline")
    assert browser.find_element(By.ID, "draft-restored").is_displayed()
    assert browser.find_element(By.ID, "notes").get_attribute("value") == "Cuộc gọi đang dở"
    assert browser.find_element(By.ID, "callerIdentifier").get_attribute("value") == "0911 000 111"

    # The console sits in a narrow window beside a softphone.
    for path in ("/hotline", "/hotline/today", "/hotline/statistics"):
        browser.get(BASE_URL + path)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"

    # Desks are shared: signing out leaves no draft for the next counsellor.
    kept = "return Object.keys(localStorage).filter(function (k) { return k.indexOf('tre.') === 0; }).length"
    assert browser.execute_script(kept) >= 1
    click(browser, "sign-out")
    assert browser.find_element(By.ID, "signed-out").is_displayed()
    assert browser.execute_script(kept) == 0


def test_the_national_dashboard_drills_down_to_a_commune_and_exports_a_workbook(browser):
    # The administrator recomputes the figures (the hotline report above opened a case in Ba Đình).
    sign_in(browser, "admin", NEW_PASSWORD)
    browser.get(BASE_URL + "/indicators")
    click(browser, "recompute")
    assert "Toàn quốc" in browser.find_element(By.TAG_NAME, "h1").text
    click(browser, "indicator-TR07")
    assert browser.find_element(By.CSS_SELECTOR, "svg.bar-chart").is_displayed()

    # Nation → Hà Nội → Ba Đình, through the table beside the chart.
    table = browser.find_element(By.ID, "unit-table")
    and_wait_for_the_next_page(browser, table.find_element(By.LINK_TEXT, "Thành phố Hà Nội").click)
    assert "Thành phố Hà Nội" in browser.find_element(By.CSS_SELECTOR, "nav.trail").text
    table = browser.find_element(By.ID, "unit-table")
    and_wait_for_the_next_page(browser, table.find_element(By.LINK_TEXT, "Phường Ba Đình").click)
    assert browser.find_element(By.CSS_SELECTOR, "nav.trail").text.startswith("Toàn quốc › Thành phố Hà Nội › Phường Ba Đình")
    assert int(browser.find_element(By.ID, "indicator-value").text) >= 1
    overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the commune's figure is {overflow}px wider than the phone"

    # The workbook of the province's table opens in an independent reader with the same figures.
    browser.get(BASE_URL + "/indicators/TR07?unit=01")
    href = browser.find_element(By.ID, "indicator-xlsx").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as answer:
        workbook = openpyxl.load_workbook(io.BytesIO(answer.read()))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:5] == ("level", "code", "name", "period", "value")
    assert rows[1][:3] == ("unit", "01", "Thành phố Hà Nội")
    ba_dinh = next(row for row in rows if row[2] == "Phường Ba Đình")
    assert ba_dinh[4] >= 1 and ba_dinh[4] == rows[1][4] - sum(
        row[4] for row in rows[2:] if row[2] != "Phường Ba Đình" and isinstance(row[4], (int, float)))


def create_account(browser, username, full_name, role, commune=None, province=None):
    browser.get(BASE_URL + "/admin/users/new")
    browser.find_element(By.ID, "username").send_keys(username)
    browser.find_element(By.ID, "fullName").send_keys(full_name)
    browser.find_element(By.ID, "password").send_keys("mat-khau-tam-thoi")
    Select(browser.find_element(By.ID, "role")).select_by_value(role)
    if commune:
        choose_commune_by_typing(browser, *commune)
    if province:
        Select(browser.find_element(By.ID, "provinceCode")).select_by_value(province)
    click(browser, "save-account")
    assert full_name in browser.find_element(By.TAG_NAME, "h1").text


def first_sign_in(browser, username, password):
    sign_in(browser, username, "mat-khau-tam-thoi")
    browser.find_element(By.ID, "currentPassword").send_keys("mat-khau-tam-thoi")
    browser.find_element(By.ID, "newPassword").send_keys(password)
    browser.find_element(By.ID, "confirmPassword").send_keys(password)
    click(browser, "save-password")
    if browser.current_url == BASE_URL + "/account/second-factor":
        enrol_second_factor(browser, username)


def test_a_commune_submits_its_child_friendly_self_assessment_and_the_province_returns_it(browser):
    sign_in(browser, "admin", NEW_PASSWORD)
    create_account(browser, "chutich.badinh", "Trần Văn Minh", "commune_chair", commune=("ba dinh", 4))
    create_account(browser, "tinh.hanoi", "Phạm Thu Trang", "provincial_officer", province="1")
    click(browser, "sign-out")

    # The chairperson opens Ba Đình's self-assessment from the list, scores every criterion and submits.
    first_sign_in(browser, "chutich.badinh", "mat-khau-cua-minh-2026")
    browser.get(BASE_URL + "/child-friendly")
    and_wait_for_the_next_page(browser, browser.find_element(By.LINK_TEXT, "Phường Ba Đình").click)
    assessment = browser.current_url
    # The minutes of the children's forum, photographed, attached to criterion 11; a program is refused.
    photo = os.path.join(tempfile.mkdtemp(), "bien-ban-dien-dan.png")
    with open(photo, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + bytes(2048))
    Select(browser.find_element(By.ID, "evidence-criterion")).select_by_value("11")
    browser.find_element(By.ID, "evidence-file").send_keys(photo)
    click(browser, "attach-evidence")
    assert "Đã đính kèm tệp minh chứng" in browser.find_element(By.ID, "form-notice").text
    assert "bien-ban-dien-dan.png" in browser.find_element(By.ID, "criterion-11").text
    program = os.path.join(tempfile.mkdtemp(), "bien-ban.pdf")
    with open(program, "wb") as file:
        file.write(b"MZ\x90\x00" + bytes(512))
    browser.find_element(By.ID, "evidence-file").send_keys(program)
    click(browser, "attach-evidence")
    assert "chỉ nhận PDF, JPG, PNG, DOCX, XLSX" in browser.find_element(By.ID, "form-error").text
    Select(browser.find_element(By.ID, "category")).select_by_value("city_ward")
    for fieldset in browser.find_elements(By.CSS_SELECTOR, "#assessment-form fieldset"):
        number = fieldset.get_attribute("id").split("-")[1]
        maximum = fieldset.find_element(By.TAG_NAME, "legend").text.split("Điểm tối đa ")[1].split(",")[0].rstrip(")")
        fieldset.find_element(By.ID, f"points_{number}").send_keys(maximum)
        Select(fieldset.find_element(By.ID, f"met_{number}")).select_by_value("yes")
    click(browser, "submit-assessment")
    assert "Đã gửi bản tự đánh giá" in browser.find_element(By.ID, "form-notice").text
    assert "chờ thẩm định" in browser.find_element(By.ID, "assessment-status").text
    assert browser.find_element(By.ID, "assessment-total").text == "1000"
    click(browser, "sign-out")

    # The province lowers criterion 9, says why, and returns it to the commune.
    first_sign_in(browser, "tinh.hanoi", "mat-khau-cua-trang-2026")
    browser.get(assessment)
    browser.find_element(By.ID, "apoints_9").send_keys("40")
    browser.find_element(By.ID, "acomment_9").send_keys("Thiếu sổ khám sức khỏe định kỳ")
    browser.find_element(By.ID, "comment").send_keys("Đề nghị bổ sung tiêu chí 9")
    click(browser, "return-assessment")
    assert "Trả lại để bổ sung" in browser.find_element(By.ID, "assessment-status").text
    assert browser.find_element(By.ID, "assessment-total").text == str(1000 - 73 + 40)
    assert "Đề nghị bổ sung tiêu chí 9" in browser.find_element(By.ID, "assessment-history").text


def test_a_commune_records_its_forum_and_gives_the_childrens_question_an_answer(browser):
    sign_in(browser, "admin", NEW_PASSWORD)
    create_account(browser, "canbo.ngocha", "Lê Thị Hoa", "commune_officer", commune=("ngoc ha", 8))
    click(browser, "sign-out")
    first_sign_in(browser, "canbo.ngocha", "mat-khau-cua-hoa-2026")

    # From the commune work page to the forums; 24 children without a reason is refused, what was typed kept.
    browser.get(BASE_URL + "/commune-work")
    and_wait_for_the_next_page(browser, browser.find_element(By.LINK_TEXT, "Diễn đàn trẻ em").click)
    browser.find_element(By.CSS_SELECTOR, "details summary").click()
    browser.find_element(By.ID, "date").send_keys("01/06/2026")
    browser.find_element(By.ID, "place").send_keys("Nhà văn hóa phường Ngọc Hà")
    browser.find_element(By.ID, "children").send_keys("24")
    browser.find_element(By.ID, "consents").send_keys("24")
    click(browser, "save-forum")
    assert "cần ít nhất 30 trẻ em" in browser.find_element(By.ID, "form-error").text
    assert browser.find_element(By.ID, "place").get_attribute("value") == "Nhà văn hóa phường Ngọc Hà"
    browser.find_element(By.ID, "belowMinimumReason").send_keys("Mưa lớn, nhiều em không đến được")
    click(browser, "save-forum")
    assert "Đã lưu" in browser.find_element(By.ID, "form-notice").text

    # The children's question goes to the school with a due date, and the school's answer is shown back.
    browser.find_element(By.ID, "text").send_keys("Xin mở lớp học bơi vào mùa hè")
    browser.find_element(By.ID, "agency").send_keys("Trường học")
    browser.find_element(By.ID, "due").send_keys("30/06/2026")
    click(browser, "route-question")
    question = browser.find_element(By.CSS_SELECTOR, "article.question")
    assert "Xin mở lớp học bơi" in question.text
    question.find_element(By.NAME, "answer").send_keys("Nhà trường mở lớp bơi từ tháng 7")
    question.find_element(By.NAME, "answeredOn").send_keys("25/06/2026")
    and_wait_for_the_next_page(browser, question.find_element(By.TAG_NAME, "button").click)
    answered = browser.find_element(By.CSS_SELECTOR, "article.question").text
    assert "Nhà trường mở lớp bơi từ tháng 7" in answered and "Trả lời đúng hạn" in answered


def test_a_commune_officer_enters_a_household_from_the_book_on_the_phone(browser):
    """Issue 17: a household book's page typed in one form: the household once, a line per child, a line added
    in place; one impossible date saves nothing and comes back beside its line with every value kept."""
    sign_in(browser, "xa.badinh", "mat-khau-cua-hoa-2026")
    browser.get(BASE_URL + "/children")
    click(browser, "household-entry")

    def active():
        return browser.switch_to.active_element

    def overflow():
        return browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")

    assert active().get_attribute("id") == "address", "the commune is implied: the address comes first"
    assert overflow() <= 0, f"the household form is {overflow()}px wider than the phone"
    active().send_keys("Tổ 7, ngõ Văn Chương")
    Select(browser.find_element(By.ID, "caregiver0Relation")).select_by_value("mother")
    browser.find_element(By.ID, "caregiver0Name").send_keys("Trần Thị Mai")
    browser.find_element(By.ID, "caregiver0Phone").send_keys("0912345678" + Keys.TAB + Keys.TAB + Keys.TAB + Keys.TAB)
    assert active().get_attribute("id") == "child0FullName", "after the caregivers, the first child's line"
    for typed in ("Lê Thị Hoa", "Nữ", "30/02/2019"):
        active().send_keys(typed + Keys.TAB)
    assert active().get_attribute("id") == "child0EthnicityCode", "the line is typed across, as in the book"

    lines = len(browser.find_elements(By.CSS_SELECTOR, ".household-line"))
    browser.find_element(By.ID, "add-lines").click()  # in place: nothing posted
    assert len(browser.find_elements(By.CSS_SELECTOR, ".household-line")) == lines + 1
    assert active().get_attribute("id") == f"child{lines}FullName"
    for typed in ("Lê Văn Bình", "Nam", "2018"):
        active().send_keys(typed + Keys.TAB)
    assert overflow() <= 0

    click(browser, "save-household")
    assert "Chưa lưu trẻ nào" in browser.find_element(By.ID, "form-error").text
    assert "Ngày sinh không có thật" in browser.find_element(By.CSS_SELECTOR, "#line-0 .field-error").text
    assert browser.find_element(By.ID, f"child{lines}FullName").get_attribute("value") == "Lê Văn Bình"
    assert browser.find_element(By.ID, "caregiver0Name").get_attribute("value") == "Trần Thị Mai"
    assert overflow() <= 0

    born = browser.find_element(By.ID, "child0DateOfBirth")
    born.clear()
    born.send_keys("28/02/2019")
    and_wait_for_the_next_page(browser, lambda: born.send_keys(Keys.ENTER))
    saved = browser.find_element(By.ID, "household-saved").text
    assert "Lê Thị Hoa" in saved and "Lê Văn Bình" in saved
    assert browser.find_element(By.ID, "address").get_attribute("value") == "", "ready for the next household"


def commune_workbook(rows):
    """A commune's list as an official types it in Excel: a title block above the column names, dates as Excel
    dates, the personal ID as text."""
    import datetime
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Danh sách"
    sheet.append(["UBND PHƯỜNG BA ĐÌNH"])
    sheet.append(["DANH SÁCH TRẺ EM THÁNG 11/2026"])
    sheet.append([])
    sheet.append(["STT", "Họ và tên", "Giới tính", "Ngày sinh", "Số định danh", "Địa chỉ"])
    for number, (name, sex, born, personal_id, address) in enumerate(rows, start=1):
        day, month, year = born.split("/")
        try:
            when = datetime.date(int(year), int(month), int(day))
        except ValueError:
            when = born  # an impossible date stays as the text typed
        sheet.append([number, name, sex, when, personal_id, address])
        sheet.cell(row=sheet.max_row, column=4).number_format = "dd/mm/yyyy"
    path = os.path.join(tempfile.mkdtemp(), "danh-sach-thang-11.xlsx")
    book.save(path)
    return path


def written(browser):
    """Waits for the import's progress page, which refreshes itself, to say every row is written."""
    WebDriverWait(browser, 60, ignored_exceptions=(WebDriverException,)).until(
        lambda b: "Đã ghi xong" in b.find_element(By.ID, "import-status").text)


def test_a_commune_list_in_excel_with_one_bad_row_is_fixed_then_imported_again_as_updates(browser):
    """Issue 17: an .xlsx list with one impossible date is refused whole, naming its row; fixed and sent again it
    is written; next month's list with a new address is shown as an update field by field, then written."""
    sign_in(browser, "xa.badinh", "mat-khau-cua-hoa-2026")

    def upload(path):
        browser.get(BASE_URL + "/children/import")
        browser.find_element(By.ID, "file").send_keys(path)
        click(browser, "preview-import")
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the preview is {overflow}px wider than the phone"
        return browser.find_element(By.TAG_NAME, "main").text

    rows = [
        ("Vàng Thị Mỷ", "Nữ", "12/03/2016", "002316012345", "Tổ 3"),
        ("Giàng A Páo", "Nam", "30/02/2015", "", "Tổ 4"),
    ]
    preview = upload(commune_workbook(rows))
    assert "Danh sách" in browser.find_element(By.ID, "import-sheet").text
    assert "2 dòng, 1 dòng có lỗi" in preview
    assert "Ngày sinh không có thật trên lịch." in browser.find_element(By.ID, "import-rows").text
    assert not browser.find_elements(By.ID, "commit-import"), "nothing can be written while a row is wrong"

    rows[1] = ("Giàng A Páo", "Nam", "28/02/2015", "", "Tổ 4")
    preview = upload(commune_workbook(rows))
    assert "2 trẻ mới" in preview
    click(browser, "commit-import")
    written(browser)

    rows[0] = ("Vàng Thị Mỷ", "Nữ", "12/03/2016", "002316012345", "Tổ 7, phố Đội Cấn")
    preview = upload(commune_workbook(rows))
    assert "1 hồ sơ sẽ được cập nhật" in preview and "1 hồ sơ không thay đổi" in preview
    change = browser.find_element(By.CSS_SELECTOR, "tr.import-update table.changes").text
    assert "Tổ 3" in change and "Tổ 7, phố Đội Cấn" in change
    click(browser, "commit-import")
    written(browser)

    browser.get(BASE_URL + "/children?q=vang+thi+my")
    and_wait_for_the_next_page(browser, browser.find_element(By.PARTIAL_LINK_TEXT, "Vàng Thị Mỷ").click)
    assert "Tổ 7, phố Đội Cấn" in browser.find_element(By.TAG_NAME, "main").text
