import { campaignStatus } from '../../content/campaignStatus'

const now = new Date('2026-11-25T15:00:00.000Z')

test('before the start date a campaign is upcoming', () => {
  expect(campaignStatus('2026-11-26T00:00:00.000Z', '2026-12-10T00:00:00.000Z', now)).toBe('upcoming')
})

test('between the dates it is ongoing', () => {
  expect(campaignStatus('2026-11-20T00:00:00.000Z', '2026-12-10T00:00:00.000Z', now)).toBe('ongoing')
})

test('on its start day it is ongoing', () => {
  expect(campaignStatus('2026-11-25T00:00:00.000Z', '2026-12-10T00:00:00.000Z', now)).toBe('ongoing')
})

test('the end date is inclusive: the whole last day counts as ongoing', () => {
  expect(campaignStatus('2026-11-01T00:00:00.000Z', '2026-11-25T00:00:00.000Z', now)).toBe('ongoing')
  expect(campaignStatus('2026-11-01T00:00:00.000Z', '2026-11-25T00:00:00.000Z', new Date('2026-11-25T23:59:59.000Z'))).toBe('ongoing')
})

test('the day after the end date it is past', () => {
  expect(campaignStatus('2026-11-01T00:00:00.000Z', '2026-11-24T00:00:00.000Z', now)).toBe('past')
  expect(campaignStatus('2026-11-01T00:00:00.000Z', '2026-11-25T00:00:00.000Z', new Date('2026-11-26T00:00:00.000Z'))).toBe('past')
})

test('without dates a campaign has no status (nothing says it is ongoing); with only one date the other side is open', () => {
  expect(campaignStatus(null, null, now)).toBeNull()
  expect(campaignStatus(undefined, undefined, now)).toBeNull()
  expect(campaignStatus('2026-12-01T00:00:00.000Z', null, now)).toBe('upcoming')
  expect(campaignStatus(null, '2026-11-01T00:00:00.000Z', now)).toBe('past')
})

test('it uses the current time by default', () => {
  expect(campaignStatus(new Date(Date.now() + 86_400_000).toISOString(), null)).toBe('upcoming')
})
