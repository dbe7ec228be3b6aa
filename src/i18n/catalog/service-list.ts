/** The service list (issue 20): registration, service reports, practical projects. */
import { defineArea } from "../define.ts";

export const serviceList = defineArea(
  {
    "serviceList.category.policy-consultation": "Policy consultation",
    "serviceList.category.defence-education": "National defence education",
    "serviceList.category.civilization": "Civilization creation",
    "serviceList.category.volunteering": "Volunteering",
    "serviceList.category.other": "Other",

    "serviceList.registered.text": "You are registered in {community}.",
    "serviceList.report.ack":
      "Thank you: your service on {date} in {community} ({category}, {hours} h) is recorded. {what}",

    "serviceList.error.bad-date": 'Enter the date as "YYYY-MM-DD".',
    "serviceList.error.future-date": "The date is in the future.",
    "serviceList.error.before-year": "The date is before this year.",
    "serviceList.error.bad-hours": "Hours must be more than 0 and at most 24.",
    "serviceList.error.over-day":
      "Together with your other reports that day, that is over 24 hours.",
    "serviceList.error.unknown-community":
      "Not a known community: your registered one or a branch's joint-construction community.",
    "serviceList.error.bad-category": "Choose a category.",
    "serviceList.error.what-required": "Say what was done.",
    "serviceList.error.bad-link": "A link starts with http:// or https://.",
    "serviceList.error.community-required": "Name your residential community.",
    "serviceList.error.not-member": "Only members of a branch register and report service.",
    "serviceList.error.busy": "Too many changes at once: try again.",
  },
  {
    "serviceList.category.policy-consultation": "政策咨询",
    "serviceList.category.defence-education": "国防教育",
    "serviceList.category.civilization": "文明创建",
    "serviceList.category.volunteering": "志愿服务",
    "serviceList.category.other": "其他",

    "serviceList.registered.text": "你已在{community}报到。",
    "serviceList.report.ack":
      "谢谢：你于{date}在{community}的服务（{category}，{hours}小时）已记录。{what}",

    "serviceList.error.bad-date": "日期请按“YYYY-MM-DD”填写。",
    "serviceList.error.future-date": "日期不能晚于今天。",
    "serviceList.error.before-year": "日期不能早于今年。",
    "serviceList.error.bad-hours": "时长须大于0且不超过24小时。",
    "serviceList.error.over-day": "加上当天已报的服务，超过了24小时。",
    "serviceList.error.unknown-community": "社区不在名单内：请选择你报到的社区或支部的共建社区。",
    "serviceList.error.bad-category": "请选择类别。",
    "serviceList.error.what-required": "请填写服务内容。",
    "serviceList.error.bad-link": "链接须以 http:// 或 https:// 开头。",
    "serviceList.error.community-required": "请填写你居住的社区。",
    "serviceList.error.not-member": "只有支部的党员才能报到和报告服务。",
    "serviceList.error.busy": "同时操作的人太多，请重试。",
  },
);
